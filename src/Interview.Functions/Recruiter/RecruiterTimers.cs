using Interview.Functions.Evaluation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Interview.Functions.Recruiter;

/// <summary>Under the Functions host: retention, daily at 03:30 UTC (standalone: the same code in <see cref="DailyJobs"/>).</summary>
public sealed class RecruiterTimers(Retention retention)
{
    [Function("EraseExpiredInterviews")]
    public Task EraseExpiredAsync([TimerTrigger("0 30 3 * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        retention.EraseExpiredAsync(client, context.CancellationToken);
}
