using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Interview.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Evaluation;

/// <summary>
/// Standalone stand-in for the Functions queue trigger: polls the evaluation queue and hands each message to the
/// same <see cref="EvaluationHandler"/>. A message stays invisible while it runs; on failure it reappears after the
/// visibility timeout; past <see cref="EvaluationOptions.MaxDequeueCount"/> deliveries it moves to the poison queue.
/// </summary>
internal sealed partial class EvaluationListener(
    QueueServiceClient queues, EvaluationHandler handler, IOptions<StorageOptions> storage, IOptions<EvaluationOptions> options, ILogger<EvaluationListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var queue = queues.GetQueueClient(storage.Value.EvaluationQueue);
        var poison = queues.GetQueueClient(storage.Value.PoisonQueue);
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(maxMessages: 4, o.VisibilityTimeout, stoppingToken)).Value;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.ReceiveFailed(logger, ex);
                messages = [];
            }

            await Task.WhenAll(messages.Select(m => ProcessAsync(queue, poison, m, o.MaxDequeueCount, stoppingToken)));
            if (messages.Length == 0)
            {
                await Task.Delay(o.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ProcessAsync(QueueClient queue, QueueClient poison, QueueMessage message, int maxDequeueCount, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(message.Body.ToString(), (int)message.DequeueCount, maxDequeueCount, ct);
        if (outcome == EvaluationHandler.Outcome.Retry)
        {
            return; // reappears after the visibility timeout
        }

        if (outcome == EvaluationHandler.Outcome.Poison)
        {
            await poison.SendMessageAsync(message.Body.ToString(), ct);
        }

        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the evaluation queue; polling again")]
        public static partial void ReceiveFailed(ILogger logger, Exception exception);
    }
}
