using Interview.Core.Domain;
using Interview.Core.Llm;

namespace Interview.Core.Tests.TestDoubles;

/// <summary>A chat model that gives its scripted replies in order and records what it was asked.</summary>
internal sealed class ScriptedChatModel(params ChatReply[] replies) : IChatModel
{
    private readonly Queue<ChatReply> _replies = new(replies);

    public List<ChatRequest> Requests { get; } = [];

    public static ChatReply Content(string content) => new(content, new ModelUsage(1, 100, 50, 10, 0), null);

    public static ChatReply Failure(string failure, string kind = "timeout") => new(null, new ModelUsage(1, 100, 0, 10, 0), failure, kind);

    public Task<ChatReply> CompleteAsync(
        ChatRequest request, DateTimeOffset deadline, IContentStream? stream, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(_replies.Count > 0 ? _replies.Dequeue() : throw new InvalidOperationException("No scripted reply left."));
    }
}
