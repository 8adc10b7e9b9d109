using Interview.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Evaluation;

/// <summary>
/// Under the Functions host, the queue trigger delivers evaluation messages; a thrown failure makes the host deliver
/// again, and past host.json's maxDequeueCount it moves the message to "-poison". Standalone, EvaluationListener does this.
/// </summary>
public sealed class EvaluationQueueFunction(EvaluationHandler handler, IOptions<EvaluationOptions> options)
{
    [Function("EvaluateInterview")]
    public async Task RunAsync(
        [QueueTrigger($"%{StorageOptions.Section}__{nameof(StorageOptions.EvaluationQueue)}%", Connection = "AzureWebJobsStorage")] string message,
        FunctionContext context)
    {
        var delivery = context.BindingContext.BindingData.TryGetValue("DequeueCount", out var count) && int.TryParse(count?.ToString(), out var n) ? n : 1;
        var outcome = await handler.HandleAsync(message, delivery, options.Value.MaxDequeueCount, context.CancellationToken);
        if (outcome == EvaluationHandler.Outcome.Retry)
        {
            throw new InvalidOperationException($"Evaluation delivery {delivery} failed; the host delivers it again.");
        }
    }
}
