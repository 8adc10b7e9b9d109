namespace Interview.Functions.Tests.Speech;

/// <summary>
/// One answer spoken by flite, then re-encoded into what browsers and phones upload. Made once per test class
/// in a temporary folder; only the bytes are kept.
/// </summary>
public sealed class SpokenAudio
{
    public const string Sentence = "I have five years of experience building distributed systems and leading a team";

    private readonly Dictionary<string, byte[]> _files;

    private SpokenAudio(Dictionary<string, byte[]> files) => _files = files;

    public byte[] this[string format] => _files[format];

    public static async Task<SpokenAudio> CreateAsync(params string[] formats)
    {
        var dir = Directory.CreateTempSubdirectory("spoken-");
        try
        {
            var wav = Path.Combine(dir.FullName, "flite.wav");
            await AudioTools.RunAsync("flite", "-voice", "slt", "-t", Sentence, "-o", wav);
            var files = await Task.WhenAll(formats.Select(async format =>
                (format, bytes: await File.ReadAllBytesAsync(await EncodeAsync(format, wav, dir.FullName)))));
            return new SpokenAudio(files.ToDictionary(f => f.format, f => f.bytes));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>How much of <see cref="Sentence"/> a transcript contains, from 0 to 1, each spoken word counted once.</summary>
    public static double ShareHeard(string transcript)
    {
        var said = Words(Sentence);
        var heard = Words(transcript).ToList();
        return (double)said.Count(heard.Remove) / said.Length;
    }

    private static string[] Words(string text) =>
        text.ToUpperInvariant().Split([' ', ',', '.', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<string> EncodeAsync(string format, string wav, string dir)
    {
        if (format == "wav")
        {
            return wav;
        }

        var output = Path.Combine(dir, format + format switch
        {
            "wav-44k-stereo" => ".wav",
            "ogg-opus" or "ogg-vorbis" => ".ogg",
            "webm-opus" => ".webm",
            "mp3" => ".mp3",
            "m4a-aac" => ".m4a",
            "flac" => ".flac",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No recipe for this format."),
        });
        if (format == "wav-44k-stereo")
        {
            await AudioTools.RunAsync("sox", "-q", wav, "-r", "44100", "-c", "2", output);
            return output;
        }

        var codec = format switch
        {
            "ogg-opus" or "webm-opus" => "libopus",
            "ogg-vorbis" => "libvorbis",
            "mp3" => "libmp3lame",
            "m4a-aac" => "aac",
            _ => "flac",
        };
        await AudioTools.RunAsync("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-i", wav, "-c:a", codec, "-y", output);
        return output;
    }
}
