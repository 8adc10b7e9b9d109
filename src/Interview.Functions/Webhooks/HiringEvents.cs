using Interview.Functions.Durable;
using Interview.Functions.Startup;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Webhooks;

/// <summary>
/// Sends an event to every subscription that wants it: a row in the subscription's delivery log, then a delivery orchestration
/// (<see cref="DeliveryOrchestrator"/>) that retries on durable timers. Publishing happens after the commit and never fails or
/// holds up the request that caused it: it is bounded, and a failure is logged. Publishing the same occurrence again (a repeated
/// end, an erasure run twice) adds nothing, but schedules a delivery whose orchestration was never started.
/// </summary>
public sealed partial class HiringEvents(TableWebhookStore store, IOptions<WebhookOptions> options, StartupWork work, TimeProvider clock,
    ILogger<HiringEvents> logger)
{
    /// <summary>The most publishing may add to a request.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    public async Task PublishAsync(DurableTaskClient client, HiringEvent hiringEvent)
    {
        // Not the request's token: the event happened, and a client that left should not lose it.
        using var budget = new CancellationTokenSource(Budget);
        try
        {
            var subscribers = (await store.ListAsync(budget.Token)).Where(w => w.Events.Contains(hiringEvent.Type)).ToList();
            var body = hiringEvent.Body();
            // Side by side: a subscriber more should not add its round trips to the candidate's wait.
            await Task.WhenAll(subscribers.Select(async webhook =>
            {
                var delivery = new WebhookDelivery(hiringEvent.MessageId, webhook.Id, hiringEvent.Type, hiringEvent.InterviewId,
                    clock.GetUtcNow().UtcDateTime, WebhookDelivery.Pending, 0, null, null, null, null);
                var added = await store.AddDeliveryAsync(delivery, body, budget.Token);
                await ScheduleAsync(client, Request(webhook.Id, delivery.Id), 0, budget.Token, mayExist: !added);
            }));
        }
        catch (Exception ex)
        {
            Log.PublishFailed(logger, ex, hiringEvent.Type, hiringEvent.InterviewId);
        }
    }

    /// <summary>
    /// Sends a delivery again, whatever became of it, under the same <c>webhook-id</c>; null when there is no such delivery.
    /// </summary>
    public async Task<WebhookDelivery?> ReplayAsync(DurableTaskClient client, string webhookId, string messageId, CancellationToken ct)
    {
        if (await store.GetDeliveryAsync(webhookId, messageId, ct) is not { } found)
        {
            return null;
        }

        await store.ReopenAsync(webhookId, messageId, ct);
        var request = Request(webhookId, messageId);
        for (var replay = 1; ; replay++)
        {
            if (await ScheduleAsync(client, request, replay, ct))
            {
                return found.Delivery with { State = WebhookDelivery.Pending };
            }
        }
    }

    private DeliveryRequest Request(string webhookId, string messageId) => new(webhookId, messageId, options.Value.RetrySeconds);

    private async Task<bool> ScheduleAsync(DurableTaskClient client, DeliveryRequest request, int replay, CancellationToken ct,
        bool mayExist = true)
    {
        await work.WhenReady(StartupWork.EvaluationEngine).WaitAsync(ct);
        return await client.StartOnceAsync(nameof(DeliveryOrchestrator), request, request.InstanceId(replay), ct, mayExist);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "The {Type} event of {InterviewId} could not be published to its webhooks")]
        public static partial void PublishFailed(ILogger logger, Exception exception, string type, string interviewId);
    }
}
