using Interview.Core.Evaluation;
using Interview.Functions.Webhooks;
using Microsoft.DurableTask.Client;

namespace Interview.Functions.Evaluation;

/// <summary>
/// The evaluation's last step as both hosts run it: store the report (<see cref="StoreReportActivity"/>), then tell trackers
/// (<c>evaluation.completed</c>). A retried step stores the same report and publishes the same message, which is sent once.
/// </summary>
public sealed class ReportAnnouncement(StoreReportActivity store, HiringEvents events, TimeProvider clock)
{
    public async Task<OverallAssessment> StoreAsync(ReportRequest input, DurableTaskClient client, CancellationToken ct)
    {
        var overall = await store.StoreAsync(input, ct);
        await events.PublishAsync(client, HiringEvent.EvaluationCompletedOf(input.Evaluation.InterviewId, input.Evaluation.Version, overall,
            clock.GetUtcNow()));
        return overall;
    }
}
