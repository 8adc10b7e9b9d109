using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Interview.Functions.Webhooks;

/// <summary>Under the Functions host, the Durable extension runs deliveries through these thin triggers (the twin: its engine).</summary>
public sealed class WebhookTriggers(SendWebhookActivity send)
{
    [Function(nameof(DeliveryOrchestrator))]
    public static Task<string> DeliverAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new DeliveryOrchestrator().RunAsync(context, context.GetInput<DeliveryRequest>()!);

    [Function(nameof(SendWebhookActivity))]
    public Task<string> SendAsync([ActivityTrigger] AttemptRequest input, FunctionContext context) =>
        send.SendAsync(input, context.CancellationToken);
}
