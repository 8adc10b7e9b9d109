using Interview.Functions.Evaluation;
using Microsoft.DurableTask.Client;

namespace Interview.Functions.Recruiter;

/// <summary>
/// Standalone: what the Functions host runs from its timer functions, the same code once a day (first an hour after
/// start-up settles): the evaluation history purge and the retention erasure.
/// </summary>
internal sealed partial class DailyJobs(HistoryPurge purge, Retention retention, DurableTaskClient client, ILogger<DailyJobs> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1));
        try
        {
            await Task.Delay(TimeSpan.FromHours(1), stoppingToken);
            do
            {
                await RunAsync("evaluation history purge", () => purge.PurgeAsync(client, stoppingToken), stoppingToken);
                await RunAsync("retention", () => retention.EraseExpiredAsync(client, stoppingToken), stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(string job, Func<Task<int>> run, CancellationToken ct)
    {
        try
        {
            await run();
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            Log.Failed(logger, ex, job);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "The daily {Job} failed; it runs again tomorrow")]
        public static partial void Failed(ILogger logger, Exception exception, string job);
    }
}
