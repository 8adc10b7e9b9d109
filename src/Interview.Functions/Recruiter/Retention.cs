using System.ComponentModel.DataAnnotations;
using Interview.Core.Recruiting;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Recruiter;

/// <summary>Section "Retention": how long an interview is kept once it is over. 0 keeps it until someone erases it.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    [Range(0, 3650)]
    public int Days { get; set; }
}

/// <summary>Erases interviews that ended longer ago than <see cref="RetentionOptions.Days"/>; run daily by a timer in both hosts.</summary>
public sealed partial class Retention(IInterviewIndex index, Erasure erasure, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<Retention> logger)
{
    public async Task<int> EraseExpiredAsync(DurableTaskClient client, CancellationToken ct)
    {
        if (options.Value.Days == 0)
        {
            return 0;
        }

        var before = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.Days);
        var expired = new List<string>();
        await foreach (var id in index.EndedBeforeAsync(before, ct))
        {
            expired.Add(id);
        }

        foreach (var id in expired)
        {
            await erasure.EraseAsync(client, id, ct);
        }

        Log.Erased(logger, expired.Count, options.Value.Days);
        return expired.Count;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Retention: erased {Count} interviews over for more than {Days} days")]
        public static partial void Erased(ILogger logger, int count, int days);
    }
}

[Microsoft.Extensions.Options.OptionsValidator]
internal sealed partial class RetentionOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<RetentionOptions>;
