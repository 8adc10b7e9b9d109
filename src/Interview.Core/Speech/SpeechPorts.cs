namespace Interview.Core.Speech;

/// <summary>Audio bytes with the media type of what they really are (sniffed, not declared by the client).</summary>
public sealed record AudioClip(ReadOnlyMemory<byte> Bytes, string ContentType)
{
    public AudioFormat Format => AudioSniffer.Detect(Bytes.Span);
}

/// <summary>
/// What helps a speech engine: the locale, the voice to speak with, and vocabulary to listen for; and whose interview it
/// is, so an engine with few slots can keep one interview from holding them all.
/// </summary>
public sealed record SpeechHints(string Locale, string? Voice, IReadOnlyList<string> Phrases, string? InterviewId = null)
{
    /// <summary>An interview's hints: the plan's locale and voice, and its role and vocabulary as phrases to listen for.</summary>
    public static SpeechHints Of(Plans.InterviewPlan plan, Domain.SessionState state) =>
        new(plan.Locale, plan.Voice, [state.Role, .. plan.Vocabulary ?? []], state.InterviewId);
}

public sealed record Transcript(string Text, double? Confidence = null, TimeSpan? Duration = null);

public interface ISpeechToText
{
    /// <summary>The formats this engine can decode; anything else is refused with 415 before any work is done.</summary>
    IReadOnlySet<AudioFormat> AcceptedFormats { get; }

    Task<Transcript> TranscribeAsync(AudioClip audio, SpeechHints hints, CancellationToken cancellationToken);
}

public interface ITextToSpeech
{
    Task<AudioClip> SynthesizeAsync(string text, SpeechHints hints, CancellationToken cancellationToken);

    /// <summary>
    /// What identifies the audio <see cref="SynthesizeAsync"/> makes for these hints apart from the text: engine, voice,
    /// locale and output format. Two lines with the same text and fingerprint sound the same, so one synthesis serves both.
    /// </summary>
    string Fingerprint(SpeechHints hints);
}

/// <summary>Thrown by a speech-to-text adapter when the provider cannot transcribe right now; the turn is not committed.</summary>
public sealed class SpeechUnavailableException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>Thrown when the audio itself is unusable: longer than allowed, or not decodable despite its header.</summary>
public sealed class AudioRejectedException(AudioRefusal refusal) : Exception(refusal.Detail)
{
    public AudioRefusal Refusal { get; } = refusal;
}
