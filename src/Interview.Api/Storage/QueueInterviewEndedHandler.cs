using System.Text.Json;
using Azure.Storage.Queues;
using Interview.Core.Domain;
using Interview.Core.Sessions;
using Microsoft.Extensions.Options;

namespace Interview.Api.Storage;

/// <summary>
/// Announces an ended interview on the evaluation queue. Messages may repeat (DELETE is repeatable);
/// whoever consumes the queue deduplicates by interview id.
/// </summary>
internal sealed class QueueInterviewEndedHandler(QueueServiceClient service, IOptions<StorageOptions> options) : IInterviewEndedHandler
{
    private readonly QueueClient _queue = service.GetQueueClient(options.Value.EvaluationQueue);

    public sealed record InterviewEnded(string InterviewId, string Status, DateTime EndedAt);

    public async Task OnInterviewEndedAsync(SessionState state, CancellationToken cancellationToken)
    {
        var message = new InterviewEnded(state.InterviewId, state.Status.ToString().ToLowerInvariant(), state.LastUpdated);
        var json = JsonSerializer.Serialize(message, new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
        await _queue.SendMessageAsync(json, cancellationToken);
    }
}
