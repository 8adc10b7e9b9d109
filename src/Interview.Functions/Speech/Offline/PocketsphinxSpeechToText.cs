using System.Globalization;
using Interview.Core.Sessions;
using Interview.Core.Speech;
using Microsoft.Extensions.Options;
using Interview.Core.Domain;
using Interview.Functions.Http;

namespace Interview.Functions.Speech.Offline;

/// <summary>
/// Debian's pocketsphinx with the en-us model. It needs 16 kHz mono 16-bit WAV, so every recording is first
/// normalised: WAV by sox, compressed formats (Ogg, WebM, MP3, MP4, FLAC) by ffmpeg when it is installed.
/// The gate has read the length before this runs; decoding is still capped (a second past the limit, in time and in
/// bytes written) so that a recording whose container lies costs no more than an honest one.
/// </summary>
public sealed class PocketsphinxSpeechToText(
    OfflineEngines engines, ProcessRunner runner, IOptions<SpeechOptions> speech, IOptions<InterviewOptions> limits)
    : ISpeechToText
{
    // What the normalised WAV holds per second: 16 000 samples of 2 bytes, one channel.
    private const int BytesPerSecond = 32_000;

    public IReadOnlySet<AudioFormat> AcceptedFormats { get; } = engines.Ffmpeg is null
        ? new HashSet<AudioFormat> { AudioFormat.Wav }
        : new HashSet<AudioFormat> { AudioFormat.Wav, AudioFormat.Ogg, AudioFormat.WebM, AudioFormat.Mp3, AudioFormat.Mp4,
            AudioFormat.Flac };

    public async Task<Transcript> TranscribeAsync(AudioClip audio, SpeechHints hints, CancellationToken cancellationToken)
    {
        var work = Path.Combine(Path.GetTempPath(), $"stt-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var input = Path.Combine(work, "input");
            var normalized = Path.Combine(work, "16k.wav");
            await File.WriteAllBytesAsync(input, audio.Bytes, cancellationToken);
            await NormalizeAsync(audio.Format, input, normalized, hints.InterviewId, cancellationToken);

            // The length goes back with the transcript; the AudioGate decides whether it is too long. It is the size of
            // what was written (this code chose the format), so the decoded audio is never read into memory.
            var duration = TimeSpan.FromSeconds(Math.Max(0, new FileInfo(normalized).Length - 44) / (double)BytesPerSecond);

            var text = await runner.RunAsync(engines.Pocketsphinx!, Arguments(engines, normalized),
                speech.Value.CallTimeout, cancellationToken, hints.InterviewId);
            return new Transcript(Words(text), null, duration);
        }
        catch (TimeoutException ex)
        {
            throw new SpeechUnavailableException(ex.Message, TimeSpan.FromSeconds(2), ex);
        }
        catch (ProcessFailedException ex)
        {
            throw new AudioRejectedException(new AudioRefusal(SessionError.UnsupportedAudioFormat,
                $"The recording could not be decoded as {audio.Format}: {ex.Message}"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>pocketsphinx with the en-us model on a 16 kHz mono 16-bit input (a WAV file, or raw samples on a pipe).</summary>
    internal static IEnumerable<string> Arguments(OfflineEngines engines, string input) =>
        ["-infile", input, "-hmm", Path.Combine(engines.ModelDirectory, "en-us"), "-lm",
            Path.Combine(engines.ModelDirectory, "en-us.lm.bin"),
         "-dict", Path.Combine(engines.ModelDirectory, "cmudict-en-us.dict"), "-logfn", "/dev/null"];

    /// <summary>One line per utterance; pocketsphinx reports no confidence worth keeping.</summary>
    internal static string Words(string output) =>
        string.Join(' ', output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// ffmpeg decodes at most a second past the limit (-t) and writes at most that many bytes (-fs), so the gate's second
    /// look sees "too long" without hours having been decoded. A recording heard live is capped the same way.
    /// </summary>
    internal static string[] DecodingCaps(InterviewOptions limits)
    {
        var cap = limits.MaxAudioSeconds + 1L;
        return ["-t", cap.ToString(CultureInfo.InvariantCulture), "-fs",
            ((cap * BytesPerSecond) + 4096).ToString(CultureInfo.InvariantCulture)];
    }

    /// <summary>Decodes to the WAV pocketsphinx reads: sox for WAV (trimmed at the cap), ffmpeg for the rest.</summary>
    private Task NormalizeAsync(AudioFormat format, string input, string output, string? owner, CancellationToken ct)
    {
        var timeout = speech.Value.CallTimeout;
        var seconds = (limits.Value.MaxAudioSeconds + 1L).ToString(CultureInfo.InvariantCulture);
        return format == AudioFormat.Wav
            ? runner.RunAsync(engines.Sox!,
                ["-q", "-t", "wav", input, "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", output, "trim", "0", seconds],
                timeout, ct, owner)
            : runner.RunAsync(engines.Ffmpeg!,
                ["-nostdin", "-hide_banner", "-loglevel", "error", "-i", input, .. DecodingCaps(limits.Value),
                 "-ar", "16000", "-ac", "1", "-sample_fmt", "s16", "-f", "wav", "-y", output], timeout, ct, owner);
    }
}
