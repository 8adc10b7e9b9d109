using Interview.Core.Agent;
using Interview.Core.Evaluation;
using Interview.Core.Recruiting;
using Interview.Core.Sessions;
using Microsoft.DurableTask.Client;

namespace Interview.Functions.Recruiter;

/// <summary>
/// Erases an interview on request (or at the end of its retention): its list entry is hidden first, its evaluations
/// are stopped and their history purged (so none writes a report back), then its rows (turns, idempotency records,
/// reports, reviews), its blobs (recordings, lines that named the candidate) and its list entry go. Repeatable: an
/// erasure cut short is finished by the next one, and erasing what is not there does nothing.
/// </summary>
public sealed partial class Erasure(ISessionStore sessions, IAudioStore audio, IInterviewIndex index, ILogger<Erasure> logger)
{
    public async Task EraseAsync(DurableTaskClient client, string interviewId, CancellationToken ct)
    {
        var state = (await sessions.LoadAsync(interviewId, null, ct))?.State;
        await index.MarkErasingAsync(interviewId, ct);
        // Every version the session asked for, and any beyond (an earlier erasure may already have taken the session).
        var versions = 0;
        for (var version = 1; ; version++)
        {
            var instance = EvaluationRequest.InstanceIdFor(interviewId, version);
            if (await client.GetInstanceAsync(instance, ct) is not { } found)
            {
                if (version > (state?.EvaluationVersion ?? 0))
                {
                    break;
                }

                continue;
            }

            if (!found.IsCompleted)
            {
                await client.TerminateInstanceAsync(instance, "The interview was erased.", ct);
            }

            await client.PurgeInstanceAsync(instance, cancellation: ct);
            versions++;
        }

        await sessions.EraseAsync(interviewId, ct);
        await audio.DeleteInterviewAsync(interviewId, ct);
        await index.RemoveAsync(interviewId, ct);
        Log.Erased(logger, interviewId, versions);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId} erased, with {Evaluations} evaluation histories")]
        public static partial void Erased(ILogger logger, string interviewId, int evaluations);
    }
}
