using Microsoft.DurableTask;

namespace Interview.Functions.Webhooks;

/// <summary>One message to one subscription, as the Durable engine runs it.</summary>
public sealed record DeliveryRequest(string WebhookId, string MessageId, IReadOnlyList<int> RetrySeconds)
{
    /// <summary>The first delivery's instance; a replay adds its number, so it never collides with a finished one.</summary>
    public string InstanceId(int replay = 0) => $"webhook-{WebhookId}-{MessageId}" + (replay > 0 ? $"-r{replay}" : "");
}

public sealed record AttemptRequest(string WebhookId, string MessageId, int Attempt, DateTime? NextAttemptAt);

/// <summary>
/// At-least-once delivery of one message: send it; on anything but a 2xx, wait the schedule's next delay on a durable timer and
/// send it again, with the same <c>webhook-id</c>, until it is delivered or the schedule runs out. Timers and attempts are in
/// the orchestration's history, so a restart (or a new instance of the app) carries on where it stopped. Deterministic, as an
/// orchestrator must be: the clock is the context's, the sending is the activity's.
/// </summary>
public sealed class DeliveryOrchestrator : TaskOrchestrator<DeliveryRequest, string>
{
    /// <summary>
    /// Storage that fails under the activity is tried again; an answer from the receiver, good or bad, is not an exception.
    /// </summary>
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2,
            maxRetryInterval: TimeSpan.FromSeconds(30)));

    public override async Task<string> RunAsync(TaskOrchestrationContext context, DeliveryRequest request)
    {
        for (var attempt = 1; ; attempt++)
        {
            DateTime? next = attempt <= request.RetrySeconds.Count
                ? context.CurrentUtcDateTime.AddSeconds(request.RetrySeconds[attempt - 1])
                : null;
            var state = await context.CallActivityAsync<string>(nameof(SendWebhookActivity),
                new AttemptRequest(request.WebhookId, request.MessageId, attempt, next), Retry);
            if (state != WebhookDelivery.Pending || next is null)
            {
                return state;
            }

            await context.CreateTimer(next.Value, CancellationToken.None);
        }
    }
}
