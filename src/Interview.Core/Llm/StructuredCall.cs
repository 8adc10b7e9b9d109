using Interview.Core.Domain;

namespace Interview.Core.Llm;

/// <summary>Reads a model's JSON reply into <typeparamref name="T"/>, or says why it cannot.</summary>
public delegate bool ReplyParser<T>(string? content, out T? value, out string error);

/// <summary>A validated value, or why there is none (the caller then answers with its rules fallback).</summary>
public sealed record StructuredResult<T>(T? Value, ModelUsage Usage, string? FailureReason, string FailureKind)
{
    public bool Succeeded => FailureReason is null;
}

/// <summary>
/// The one way this product asks a model for structured output, for the interviewer and the evaluator alike: ask, validate, ask once more
/// when the output is invalid, and otherwise report why, so the caller falls back to its rules. A provider failure (after the adapter's
/// retries) is not asked again: the deadline is already spent or the model refused.
/// </summary>
public static class StructuredCall
{
    public const int OutputAttempts = 2;

    public static async Task<StructuredResult<T>> AskAsync<T>(
        IChatModel model, ChatRequest request, ReplyParser<T> parse, DateTimeOffset deadline, Action<int, string>? onInvalid,
            CancellationToken ct,
        IContentStream? stream = null)
    {
        var usage = ModelUsage.None;
        string reason = "", kind = "";
        for (var attempt = 1; attempt <= OutputAttempts; attempt++)
        {
            if (attempt > 1)
            {
                stream?.Restart(); // the invalid reply's words are withdrawn before the new ones come
            }

            var reply = await model.CompleteAsync(request, deadline, stream, ct);
            usage = usage.Add(reply.Usage);
            if (!reply.Succeeded)
            {
                return new StructuredResult<T>(default, usage, reply.Failure, reply.FailureKind);
            }

            if (parse(reply.Content, out var value, out var error))
            {
                return new StructuredResult<T>(value, usage, null, "");
            }

            (reason, kind) = ($"invalid output: {error}", "invalid_output");
            onInvalid?.Invoke(attempt, error);
        }

        return new StructuredResult<T>(default, usage, reason, kind);
    }
}
