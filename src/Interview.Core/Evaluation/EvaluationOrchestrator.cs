using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Interview.Core.Evaluation;

/// <summary>
/// The end-of-interview evaluation: load the interview, score every competency of its plan side by side (fan-out,
/// fan-in), then build and store the report. Deterministic, as an orchestrator must be: no I/O (the activities do it),
/// no clock but the context's, no randomness, and logging that is silent on replay. Progress is its custom status.
/// Both hosts run this class: the Functions host through a thin [OrchestrationTrigger], standalone through the Durable
/// Task SDK worker.
/// </summary>
public sealed partial class EvaluationOrchestrator : TaskOrchestrator<EvaluationRequest, EvaluationOutcome>
{
    /// <summary>
    /// Transient failures (storage, a model past its own retries) are tried again with backoff; an interview that
    /// cannot be evaluated is not. A bad answer from the model never gets here: that competency falls back to rules.
    /// </summary>
    public static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2,
            maxRetryInterval: TimeSpan.FromSeconds(30))
    {
        HandleFailure = failure => !failure.IsCausedBy<EvaluationNotPossibleException>(),
    });

    public override async Task<EvaluationOutcome> RunAsync(TaskOrchestrationContext context, EvaluationRequest request)
    {
        var log = context.CreateReplaySafeLogger<EvaluationOrchestrator>();
        Log.Started(log, context.InstanceId, request.InterviewId, request.Version);

        context.SetCustomStatus(new EvaluationProgress(EvaluationProgress.Loading, 0, 0));
        var snapshot = await context.CallActivityAsync<InterviewSnapshot>(nameof(LoadInterviewActivity), request, Retry);

        var total = snapshot.Competencies.Count;
        context.SetCustomStatus(new EvaluationProgress(EvaluationProgress.Scoring, 0, total));
        var scoring = snapshot.Competencies
            .Select(c => context.CallActivityAsync<CompetencyScore>(nameof(ScoreCompetencyActivity),
                new ScoreRequest(request, snapshot, c), Retry))
            .ToList();
        var remaining = scoring.ToList();
        while (remaining.Count > 0)
        {
            var finished = await Task.WhenAny(remaining);
            remaining.Remove(finished);
            await finished; // a competency that failed for good fails the evaluation, with its reason
            context.SetCustomStatus(new EvaluationProgress(EvaluationProgress.Scoring, total - remaining.Count, total));
        }

        context.SetCustomStatus(new EvaluationProgress(EvaluationProgress.Storing, total, total));
        var scores = scoring.Select(t => t.Result).ToList();
        var overall = await context.CallActivityAsync<OverallAssessment>(
            nameof(StoreReportActivity), new ReportRequest(request, snapshot, scores, context.CurrentUtcDateTime), Retry);

        Log.Completed(log, context.InstanceId, overall.Score, overall.Recommendation);
        return new EvaluationOutcome(request.Version, overall.Score, overall.Recommendation);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information,
            Message = "Evaluation {InstanceId} of interview {InterviewId} (version {Version}) started")]
        public static partial void Started(ILogger logger, string instanceId, string interviewId, int version);

        [LoggerMessage(Level = LogLevel.Information, Message = "Evaluation {InstanceId} completed: {Score} of 5, {Recommendation}")]
        public static partial void Completed(ILogger logger, string instanceId, int score, string recommendation);
    }
}
