using System.Text;
using Interview.Core.Speech;

namespace Interview.Core.Tests.TestDoubles;

/// <summary>"Synthesizes" a reply as its UTF-8 bytes, or fails with <paramref name="failure"/>.</summary>
internal sealed class FakeTextToSpeech(Exception? failure = null) : ITextToSpeech
{
    public List<string> Spoken { get; } = [];

    public Task<AudioClip> SynthesizeAsync(string text, SpeechHints hints, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Spoken.Add(text);
        return failure is null
            ? Task.FromResult(new AudioClip(Encoding.UTF8.GetBytes(text), "audio/mpeg"))
            : Task.FromException<AudioClip>(failure);
    }

    public string Fingerprint(SpeechHints hints) => $"fake|{hints.Voice}|{hints.Locale}";
}
