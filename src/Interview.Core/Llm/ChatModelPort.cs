using Interview.Core.Domain;

namespace Interview.Core.Llm;

/// <summary>One structured chat completion to ask for: the messages, the strict JSON schema by name, and how creative to be.</summary>
public sealed record ChatRequest(ChatPrompt Prompt, string SchemaName, string Schema, float Temperature, int MaxOutputTokens = 700);

/// <summary>The model's JSON text and what it cost, or why there is none (after the adapter's own retries).</summary>
public sealed record ChatReply(string? Content, ModelUsage Usage, string? Failure, string FailureKind = "")
{
    public bool Succeeded => Failure is null;
}

/// <summary>
/// The chat model behind the interviewer and the evaluator. The adapter owns timeouts and retries of transient failures
/// within <paramref name="deadline"/>; it never throws for a provider failure, it says so in the reply.
/// </summary>
public interface IChatModel
{
    /// <summary>
    /// With <paramref name="stream"/>, the reply is streamed: its content arrives there chunk by chunk as the model writes
    /// it, and an attempt that is retried after some content arrived first calls <see cref="IContentStream.Restart"/>.
    /// </summary>
    Task<ChatReply> CompleteAsync(ChatRequest request, DateTimeOffset deadline, IContentStream? stream,
        CancellationToken cancellationToken);
}

/// <summary>The raw content of a streamed reply as it arrives (JSON text, for a structured call).</summary>
public interface IContentStream
{
    void Append(string chunk);

    void Restart();
}
