namespace Interview.Core.Domain;

/// <summary>
/// How much of an interviewer line the candidate heard before speaking over it: <see cref="AtMs"/> into its audio,
/// and, when the page knew the sentence timing, <see cref="HeardChars"/> of its text. Stored on the interviewer turn so
/// the transcript, the next prompt and the evaluator judge the answer against what was actually heard.
/// </summary>
public sealed record Interruption(int AtMs, int? HeardChars = null)
{
    /// <summary>No interviewer line is an hour long; anything beyond is a client bug, not a measurement.</summary>
    public const int MaxAtMs = 3_600_000;

    /// <summary>The words the candidate heard, when the page said how many characters; null when only the time is known.</summary>
    public string? HeardText(string content) => HeardChars is { } chars ? content[..Math.Min(chars, content.Length)] : null;
}
