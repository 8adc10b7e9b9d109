using Interview.Functions.Evaluation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Interview.Functions.Recruiter;

/// <summary>Retention, daily at 03:30 UTC (the laptop twin runs the same function on the same schedule).</summary>
public sealed class RecruiterTimers(Retention retention)
{
    [Function("EraseExpiredInterviews")]
    public Task EraseExpiredAsync([TimerTrigger("0 30 3 * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        retention.EraseExpiredAsync(client, ct);
}
