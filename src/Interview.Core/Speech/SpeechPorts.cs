namespace Interview.Core.Speech;

/// <summary>Candidate audio as uploaded: bytes plus the declared media type (audio/wav, audio/webm, ...).</summary>
public sealed record AudioClip(ReadOnlyMemory<byte> Bytes, string ContentType);

public sealed record Transcript(string Text, double? Confidence = null);

public interface ISpeechToText
{
    Task<Transcript> TranscribeAsync(AudioClip audio, string locale, CancellationToken cancellationToken);
}

public interface ITextToSpeech
{
    Task<AudioClip> SynthesizeAsync(string text, CancellationToken cancellationToken);
}

/// <summary>Thrown by a speech-to-text adapter when the provider cannot transcribe right now; the turn is not committed.</summary>
public sealed class SpeechUnavailableException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
