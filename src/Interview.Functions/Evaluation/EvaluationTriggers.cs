using Interview.Core.Evaluation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Interview.Functions.Evaluation;

/// <summary>
/// Under the Functions host the Durable extension runs the evaluation through these thin triggers around the very
/// classes the standalone worker runs (Interview.Core/Evaluation). Function names are the class names the orchestrator
/// calls. The timer purges old history daily at 03:00 UTC (the laptop twin runs timers on the same schedules).
/// </summary>
public sealed class EvaluationTriggers(
    LoadInterviewActivity load, ScoreCompetencyActivity score, ReportAnnouncement report, HistoryPurge purge)
{
    [Function(nameof(EvaluationOrchestrator))]
    public static Task<EvaluationOutcome> OrchestrateAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new EvaluationOrchestrator().RunAsync(context, context.GetInput<EvaluationRequest>()!);

    [Function(nameof(LoadInterviewActivity))]
    public Task<InterviewSnapshot> LoadAsync([ActivityTrigger] EvaluationRequest input, FunctionContext context) =>
        load.LoadAsync(input, context.CancellationToken);

    [Function(nameof(ScoreCompetencyActivity))]
    public Task<CompetencyScore> ScoreAsync([ActivityTrigger] ScoreRequest input, FunctionContext context) =>
        score.ScoreAsync(input, context.CancellationToken);

    [Function(nameof(StoreReportActivity))]
    public Task<OverallAssessment> StoreAsync([ActivityTrigger] ReportRequest input, [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        report.StoreAsync(input, client, context.CancellationToken);

    [Function("PurgeEvaluationHistory")]
    public Task PurgeAsync([TimerTrigger("0 0 3 * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        purge.PurgeAsync(client, ct);
}
