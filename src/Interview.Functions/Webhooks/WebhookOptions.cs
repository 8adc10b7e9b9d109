using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Interview.Functions.Webhooks;

/// <summary>Section "Webhooks": how deliveries are retried and how long a receiver may take.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Seconds to wait before each redelivery, comma-separated: by default 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (about 28 hours
    /// in all, the schedule Standard Webhooks senders use). After the last, the delivery is <c>failed</c> until replayed.
    /// </summary>
    [RegularExpression(@"^\d{1,6}(,\d{1,6}){0,19}$")]
    public string RetrySchedule { get; set; } = "5,300,1800,7200,18000,36000,36000";

    /// <summary>How long a receiver may take to answer one attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public IReadOnlyList<int> RetrySeconds =>
        [.. RetrySchedule.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
}

[Microsoft.Extensions.Options.OptionsValidator]
internal sealed partial class WebhookOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<WebhookOptions>;
