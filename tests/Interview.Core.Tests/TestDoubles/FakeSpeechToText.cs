using Interview.Core.Speech;

namespace Interview.Core.Tests.TestDoubles;

/// <summary>"Hears" a fixed sentence, or fails with <paramref name="failure"/>; writes "transcribe" to the journal.</summary>
internal sealed class FakeSpeechToText(string heard, Exception? failure = null, List<string>? journal = null, TimeSpan? duration = null)
    : ISpeechToText
{
    public int Calls { get; private set; }

    public SpeechHints? LastHints { get; private set; }

    public IReadOnlySet<AudioFormat> AcceptedFormats { get; } = new HashSet<AudioFormat> { AudioFormat.Wav };

    public Task<Transcript> TranscribeAsync(AudioClip audio, SpeechHints hints, CancellationToken cancellationToken)
    {
        Calls++;
        LastHints = hints;
        journal?.Add("transcribe");
        return failure is null ? Task.FromResult(new Transcript(heard, 0.9, duration)) : Task.FromException<Transcript>(failure);
    }
}
