using Interview.Core.Sessions;
using Interview.Core.Speech;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Speech.Offline;

/// <summary>
/// Debian's pocketsphinx with the en-us model. It needs 16 kHz mono 16-bit WAV, so every recording is first
/// normalised: WAV by sox, compressed formats (Ogg, WebM, MP3, MP4, FLAC) by ffmpeg when it is installed.
/// </summary>
public sealed class PocketsphinxSpeechToText(OfflineEngines engines, ProcessRunner runner, IOptions<SpeechOptions> speech)
    : ISpeechToText
{
    public IReadOnlySet<AudioFormat> AcceptedFormats { get; } = engines.Ffmpeg is null
        ? new HashSet<AudioFormat> { AudioFormat.Wav }
        : new HashSet<AudioFormat> { AudioFormat.Wav, AudioFormat.Ogg, AudioFormat.WebM, AudioFormat.Mp3, AudioFormat.Mp4, AudioFormat.Flac };

    public async Task<Transcript> TranscribeAsync(AudioClip audio, SpeechHints hints, CancellationToken cancellationToken)
    {
        var work = Path.Combine(Path.GetTempPath(), $"stt-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var input = Path.Combine(work, "input");
            var normalized = Path.Combine(work, "16k.wav");
            await File.WriteAllBytesAsync(input, audio.Bytes, cancellationToken);
            await NormalizeAsync(audio.Format, input, normalized, cancellationToken);

            // The length goes back with the transcript; the AudioGate decides whether it is too long.
            var duration = AudioSniffer.WavDuration(await File.ReadAllBytesAsync(normalized, cancellationToken)) ?? TimeSpan.Zero;

            var model = engines.ModelDirectory;
            var text = await runner.RunAsync(engines.Pocketsphinx!,
                ["-infile", normalized, "-hmm", Path.Combine(model, "en-us"), "-lm", Path.Combine(model, "en-us.lm.bin"),
                 "-dict", Path.Combine(model, "cmudict-en-us.dict"), "-logfn", "/dev/null"],
                speech.Value.CallTimeout, cancellationToken);
            // One line per utterance; pocketsphinx reports no confidence worth keeping.
            var words = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new Transcript(string.Join(' ', words), null, duration);
        }
        catch (TimeoutException ex)
        {
            throw new SpeechUnavailableException(ex.Message, TimeSpan.FromSeconds(2), ex);
        }
        catch (ProcessFailedException ex)
        {
            throw new AudioRejectedException(new AudioRefusal(SessionError.UnsupportedAudioFormat, $"The recording could not be decoded as {audio.Format}: {ex.Message}"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private Task NormalizeAsync(AudioFormat format, string input, string output, CancellationToken ct)
    {
        var timeout = speech.Value.CallTimeout;
        return format == AudioFormat.Wav
            ? runner.RunAsync(engines.Sox!, ["-q", "-t", "wav", input, "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", output], timeout, ct)
            : runner.RunAsync(engines.Ffmpeg!, ["-nostdin", "-hide_banner", "-loglevel", "error", "-i", input, "-ar", "16000", "-ac", "1", "-sample_fmt", "s16", "-f", "wav", "-y", output], timeout, ct);
    }
}
