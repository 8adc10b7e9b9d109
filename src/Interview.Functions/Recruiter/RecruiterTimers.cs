using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Interview.Functions.Recruiter;

/// <summary>
/// Retention daily at 03:30 UTC, and every 10 minutes any erasure cut short is finished (the laptop twin runs the same
/// functions on the same schedules).
/// </summary>
public sealed class RecruiterTimers(Retention retention)
{
    [Function("FinishErasures")]
    public Task FinishErasuresAsync([TimerTrigger("0 */10 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client,
        CancellationToken ct) =>
        retention.FinishErasuresAsync(client, ct);

    [Function("EraseExpiredInterviews")]
    public Task EraseExpiredAsync([TimerTrigger("0 30 3 * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client,
        CancellationToken ct) =>
        retention.EraseExpiredAsync(client, ct);
}
