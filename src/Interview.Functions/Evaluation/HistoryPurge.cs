using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Evaluation;

/// <summary>
/// Deletes the history of finished evaluation orchestrations created longer than <see cref="EvaluationOptions.HistoryRetention"/>
/// ago; the reports themselves stay with the interview. The Functions host runs it from a timer function, standalone a
/// background timer runs the same code.
/// </summary>
public sealed partial class HistoryPurge(IOptions<EvaluationOptions> options, TimeProvider clock, ILogger<HistoryPurge> logger)
{
    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    public async Task<int> PurgeAsync(DurableTaskClient client, CancellationToken ct)
    {
        var before = clock.GetUtcNow() - options.Value.HistoryRetention;
        // The sidecar standalone needs a lower bound; nothing was created before the epoch.
        var result = await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(DateTimeOffset.UnixEpoch, before, Finished), ct);
        Log.Purged(logger, result.PurgedInstanceCount, before);
        return result.PurgedInstanceCount;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information,
            Message = "Purged the history of {Count} finished evaluations created before {Before:o}")]
        public static partial void Purged(ILogger logger, int count, DateTimeOffset before);
    }
}
