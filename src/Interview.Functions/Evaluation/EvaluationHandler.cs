using Interview.Core.Evaluation;

namespace Interview.Functions.Evaluation;

/// <summary>
/// One delivery of an evaluation message, whoever delivers it (the Functions host or the standalone listener).
/// Says whether the message is done, should come back, or is poison; on the last allowed delivery a failure is
/// recorded on the evaluation so that the report endpoint shows "failed" with the reason.
/// </summary>
public sealed partial class EvaluationHandler(EvaluationRunner runner, ILogger<EvaluationHandler> logger)
{
    public enum Outcome
    {
        Done,
        Retry,
        Poison,
    }

    public async Task<Outcome> HandleAsync(string body, int dequeueCount, int maxDequeueCount, CancellationToken ct)
    {
        if (EvaluationMessage.Parse(body) is not { } message)
        {
            Log.Malformed(logger, body.Length);
            return Outcome.Poison;
        }

        try
        {
            await runner.RunAsync(message.InterviewId, message.Version, ct);
            return Outcome.Done;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            Log.Failed(logger, ex, message.InterviewId, message.Version, dequeueCount, maxDequeueCount);
            if (dequeueCount < maxDequeueCount)
            {
                return Outcome.Retry;
            }

            await runner.GiveUpAsync(message.InterviewId, message.Version, $"Gave up after {dequeueCount} attempts: {ex.Message}", ct);
            return Outcome.Poison;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Evaluation message is not {{interview_id, version}} ({Length} characters); moved to the poison queue")]
        public static partial void Malformed(ILogger logger, int length);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluation {Version} of interview {InterviewId} failed on delivery {Delivery} of {Max}")]
        public static partial void Failed(ILogger logger, Exception exception, string interviewId, int version, int delivery, int max);
    }
}
