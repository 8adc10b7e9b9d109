namespace Interview.Functions.Tests.Speech;

/// <summary>Recordings for the listening tests, and a recording cut into the pieces a recorder sends as it records.</summary>
internal static class ListeningAudio
{
    /// <summary>Two sentences with 1.5 s of silence between them, as WebM/Opus: pocketsphinx ends the first at the pause.</summary>
    public static async Task<byte[]> TwoPhrasesAsync()
    {
        var dir = Directory.CreateTempSubdirectory("phrases-");
        try
        {
            string Path(string name) => System.IO.Path.Combine(dir.FullName, name);
            await AudioTools.RunAsync("flite", "-voice", "slt", "-t", "I have five years of experience building distributed systems", "-o",
                Path("one.wav"));
            await AudioTools.RunAsync("flite", "-voice", "slt", "-t", "I also led a team of four engineers", "-o", Path("two.wav"));
            await AudioTools.RunAsync("sox", Path("one.wav"), Path("gap.wav"), "pad", "0", "1.5");
            await AudioTools.RunAsync("sox", Path("gap.wav"), Path("two.wav"), Path("both.wav"));
            await AudioTools.RunAsync("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", Path("both.wav"),
                "-c:a", "libopus", "-f", "webm", Path("both.webm"));
            return await File.ReadAllBytesAsync(Path("both.webm"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The recording cut as a recorder would deliver it: consecutive pieces that join into the whole.</summary>
    public static List<byte[]> Chunks(byte[] recording, int count)
    {
        var size = (recording.Length + count - 1) / count;
        return [.. recording.Chunk(size)];
    }
}
