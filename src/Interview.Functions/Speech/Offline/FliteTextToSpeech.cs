using Interview.Core.Speech;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Speech.Offline;

/// <summary>Debian's flite: CMU voices, 16 kHz mono 16-bit WAV. The text goes in as one argument, never through a shell.</summary>
public sealed class FliteTextToSpeech(OfflineEngines engines, ProcessRunner runner, IOptions<OfflineSpeechOptions> options,
    IOptions<SpeechOptions> speech)
    : ITextToSpeech
{
    public async Task<AudioClip> SynthesizeAsync(string text, SpeechHints hints, CancellationToken cancellationToken)
    {
        var output = Path.Combine(Path.GetTempPath(), $"flite-{Guid.NewGuid():N}.wav");
        try
        {
            await runner.RunAsync(engines.Flite!, ["-voice", options.Value.Voice, "-t", text, "-o", output],
                speech.Value.CallTimeout, cancellationToken, hints.InterviewId);
            return new AudioClip(await File.ReadAllBytesAsync(output, cancellationToken), "audio/wav");
        }
        finally
        {
            File.Delete(output);
        }
    }

    public string Fingerprint(SpeechHints hints) => $"flite|{options.Value.Voice}|wav16k";
}
