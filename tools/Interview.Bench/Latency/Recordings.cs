using System.Diagnostics;

namespace Interview.Bench.Latency;

/// <summary>The candidate's answer: spoken by flite (the slt voice, which pocketsphinx hears well), sent as WebM/Opus as Chrome
/// records.</summary>
public static class Recordings
{
    public const string Sentence = "I have five years of experience building distributed systems and leading a team";

    public static async Task<Answer> SpokenAsync(string scratch)
    {
        var wav = Path.Combine(scratch, "answer.wav");
        var webm = Path.Combine(scratch, "answer.webm");
        await RunAsync("flite", "-voice", "slt", "-t", Sentence, "-o", wav);
        await RunAsync("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", wav, "-c:a", "libopus", "-f", "webm", webm);
        // 16 kHz mono 16-bit after a 44-byte header: the length as spoken.
        var length = TimeSpan.FromSeconds((new FileInfo(wav).Length - 44) / 32_000.0);
        return new Answer(await File.ReadAllBytesAsync(webm), "audio/webm", length, Sentence);
    }

    private static async Task RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {error}");
        }
    }
}
