using System.Net.Http.Headers;
using System.Text;
using Microsoft.DurableTask;

namespace Interview.Functions.Webhooks;

/// <summary>
/// One attempt: POST the stored body to the subscription's URL, signed now (a receiver checks the timestamp against its clock, so
/// every attempt is signed afresh; the <c>webhook-id</c> stays the message's), and record what came back in the delivery log.
/// </summary>
public sealed partial class SendWebhookActivity(TableWebhookStore store, IHttpClientFactory http, TimeProvider clock,
    ILogger<SendWebhookActivity> logger)
    : TaskActivity<AttemptRequest, string>
{
    /// <summary>The named HttpClient (its timeout is <see cref="WebhookOptions.Timeout"/>; redirects are not followed).</summary>
    public const string Client = "webhooks";

    /// <summary>What the orchestration returns when the subscription or the delivery was removed meanwhile.</summary>
    public const string Gone = "gone";

    public override Task<string> RunAsync(TaskActivityContext context, AttemptRequest input) => SendAsync(input, CancellationToken.None);

    public async Task<string> SendAsync(AttemptRequest input, CancellationToken ct)
    {
        var webhook = await store.GetAsync(input.WebhookId, ct);
        if (webhook is null || await store.GetDeliveryAsync(input.WebhookId, input.MessageId, ct) is not { } found)
        {
            return Gone;
        }

        var (delivery, body) = found;
        var now = clock.GetUtcNow();
        using var message = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        var timestamp = now.ToUnixTimeSeconds();
        message.Headers.Add(WebhookSignature.IdHeader, delivery.Id);
        message.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        message.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(webhook.Secret, delivery.Id, timestamp, body));

        int? status = null;
        string? error = null;
        try
        {
            using var response = await http.CreateClient(Client).SendAsync(message, ct);
            status = (int)response.StatusCode;
            error = response.IsSuccessStatusCode ? null : $"HTTP {status}";
        }
        catch (HttpRequestException ex)
        {
            error = ex.Message;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            error = "no answer in time";
        }

        var attempt = new DeliveryAttempt(delivery.Attempts + 1, status, error, now.UtcDateTime, input.NextAttemptAt);
        await store.RecordAsync(input.WebhookId, delivery.Id, attempt, ct);
        Log.Attempted(logger, delivery.Id, webhook.Id, attempt.Attempt, error ?? $"HTTP {status}", attempt.State);
        return attempt.State;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information,
            Message = "Webhook message {MessageId} to {WebhookId}, attempt {Attempt}: {Outcome}; now {State}")]
        public static partial void Attempted(ILogger logger, string messageId, string webhookId, int attempt, string outcome, string state);
    }
}
