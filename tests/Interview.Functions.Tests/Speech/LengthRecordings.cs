namespace Interview.Functions.Tests.Speech;

/// <summary>
/// A 7-second tone in every format browsers and phones upload, made by sox and ffmpeg; and 7 seconds of silence looped
/// to two hours by stream copy (a second of work, where encoding two hours of Opus takes minutes; silence keeps them
/// small, as a browser's two-hour recording of a quiet room is). Made once per class.
/// </summary>
public sealed class LengthRecordings : IAsyncLifetime
{
    public const double ShortSeconds = 7;

    // 1029 plays of 7 s: 7203 s, just over two hours.
    public const int Loops = 1029;

    private readonly Dictionary<string, byte[]> _files = [];

    /// <summary>Short formats; the long ones are the same names with "-2h".</summary>
    public static readonly string[] Formats =
        ["wav", "wav-44k-stereo", "flac", "ogg-opus", "ogg-vorbis", "webm-opus", "webm-live", "mp3", "m4a-aac", "m4a-fragmented"];

    public static readonly string[] Looped = ["ogg-opus", "webm-opus", "webm-live", "mp3", "flac"];

    public byte[] this[string name] => _files[name];

    public async Task InitializeAsync()
    {
        var dir = Directory.CreateTempSubdirectory("lengths-");
        try
        {
            await Task.WhenAll(Formats.Select(async format => Keep(format, await MakeAsync(format, dir.FullName, silent: false))));
            await Task.WhenAll(Looped.Select(async format =>
            {
                var path = await MakeAsync(format, Directory.CreateTempSubdirectory("silent-").FullName, silent: true);
                var looped = Path.Combine(dir.FullName, "2h-" + Path.GetFileName(path));
                string[] live = format == "webm-live" ? ["-live", "1"] : [];
                await AudioTools.RunAsync("ffmpeg",
                    ["-nostdin", "-hide_banner", "-loglevel", "error", "-stream_loop", $"{Loops - 1}", "-i", path,
                     "-c", "copy", .. live, "-y", looped]);
                Keep(format + "-2h", looped);
                Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
            }));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private void Keep(string name, string path)
    {
        var bytes = File.ReadAllBytes(path);
        lock (_files)
        {
            _files[name] = bytes;
        }
    }

    private static async Task<string> MakeAsync(string format, string dir, bool silent)
    {
        var output = Path.Combine(dir, format + format switch
        {
            "wav" or "wav-44k-stereo" => ".wav",
            "ogg-opus" or "ogg-vorbis" => ".ogg",
            "webm-opus" or "webm-live" => ".webm",
            "mp3" => ".mp3",
            "flac" => ".flac",
            _ => ".m4a",
        });
        if (format.StartsWith("wav", StringComparison.Ordinal))
        {
            var (rate, channels) = format == "wav" ? ("16000", "1") : ("44100", "2");
            await AudioTools.RunAsync("sox", "-n", "-r", rate, "-c", channels, "-b", "16",
                output, "synth", $"{ShortSeconds}", "sine", "440");
            return output;
        }

        var codec = format switch
        {
            "ogg-opus" or "webm-opus" or "webm-live" => "libopus",
            "ogg-vorbis" => "libvorbis",
            "mp3" => "libmp3lame",
            "flac" => "flac",
            _ => "aac",
        };
        // MediaRecorder's WebM has no Duration (it is written live); Safari's MP4 is fragmented.
        string[] muxer = format switch
        {
            "webm-live" => ["-live", "1"],
            "m4a-fragmented" => ["-movflags", "frag_keyframe+empty_moov"],
            // The lowest MP3 rate and bitrate, so two hours fit the upload limit.
            "mp3" when silent => ["-ar", "8000", "-b:a", "8k"],
            _ => [],
        };
        await AudioTools.RunAsync("ffmpeg", ["-nostdin", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
            silent ? $"anullsrc=r=48000:cl=mono:d={ShortSeconds}" : $"sine=f=440:r=48000:d={ShortSeconds}",
            "-ac", "1", "-c:a", codec, .. muxer, "-y", output]);
        return output;
    }
}
