using Interview.Core.Domain;
using Interview.Core.Recruiting;
using Interview.Core.Sessions;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Interview.Functions.Storage;

namespace Interview.Functions.Recruiter;

/// <summary>
/// Erases interviews nobody has touched for <see cref="RetentionOptions.Days"/> (ended, concluded, or abandoned mid-way),
/// and finishes erasures that were cut short; run by timers in both hosts.
/// </summary>
public sealed partial class Retention(IInterviewIndex index, ISessionStore sessions, Erasure erasure, IOptions<RetentionOptions> options,
    TimeProvider clock, ILogger<Retention> logger)
{
    public async Task<int> EraseExpiredAsync(DurableTaskClient client, CancellationToken ct)
    {
        await FinishErasuresAsync(client, ct);
        if (options.Value.Days == 0)
        {
            return 0;
        }

        var before = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.Days);
        var expired = new List<string>();
        await foreach (var (id, status) in index.LastChangedBeforeAsync(before, ct))
        {
            // The list changes at start, end and report, not on every turn: an active interview counts from its last turn.
            if (status is IndexStatus.Erasing || (status == IndexStatus.Of(SessionStatus.Active)
                && (await sessions.LoadAsync(id, null, ct))?.State.LastUpdated >= before))
            {
                continue;
            }

            expired.Add(id);
        }

        foreach (var id in expired)
        {
            await erasure.EraseAsync(client, id, ct);
        }

        Log.Erased(logger, expired.Count, options.Value.Days);
        return expired.Count;
    }

    /// <summary>Erasures that began and did not finish (a crash, a storage outage): each is run again to its end.</summary>
    public async Task<int> FinishErasuresAsync(DurableTaskClient client, CancellationToken ct)
    {
        var unfinished = new List<string>();
        await foreach (var id in index.ErasingAsync(ct))
        {
            unfinished.Add(id);
        }

        foreach (var id in unfinished)
        {
            await erasure.EraseAsync(client, id, ct);
        }

        return unfinished.Count;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Retention: erased {Count} interviews over for more than {Days} days")]
        public static partial void Erased(ILogger logger, int count, int days);
    }
}
