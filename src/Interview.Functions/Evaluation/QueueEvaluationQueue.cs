using System.Text.Json;
using Azure.Storage.Queues;
using Interview.Functions.Storage;
using Interview.Core.Evaluation;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Evaluation;

/// <summary>The evaluation queue on Azure Storage: one small JSON message per evaluation version.</summary>
internal sealed class QueueEvaluationQueue(QueueServiceClient service, IOptions<StorageOptions> options) : IEvaluationQueue
{
    private readonly QueueClient _queue = service.GetQueueClient(options.Value.EvaluationQueue);

    public Task EnqueueAsync(string interviewId, int version, CancellationToken cancellationToken) =>
        _queue.SendMessageAsync(JsonSerializer.Serialize(new EvaluationMessage(interviewId, version), EvaluationMessage.Json), cancellationToken);
}

/// <summary>The queue message: {"interview_id": "...", "version": 1}.</summary>
public sealed record EvaluationMessage(string InterviewId, int Version)
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static EvaluationMessage? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<EvaluationMessage>(text, Json) is { InterviewId.Length: > 0, Version: > 0 } message ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
