namespace Interview.Functions.Speech.Offline;

/// <summary>
/// Which of Debian's speech tools this machine has, found once at start-up on PATH. Each engine states what it
/// needs: speaking needs flite; listening needs pocketsphinx, its en-us model and sox; ffmpeg adds compressed formats.
/// </summary>
public sealed record OfflineEngines(string? Flite, string? Pocketsphinx, string? Sox, string? Ffmpeg, string ModelDirectory)
{
    public bool CanSpeak => Flite is not null;

    public bool CanListen => Pocketsphinx is not null && Sox is not null && Directory.Exists(Path.Combine(ModelDirectory, "en-us"));

    public bool Complete => CanSpeak && CanListen;

    /// <summary>The Debian packages that would make this machine <see cref="Complete"/> (ffmpeg is optional: compressed formats).</summary>
    public IReadOnlyList<string> MissingPackages() =>
    [
        .. Flite is null ? ["flite"] : Array.Empty<string>(),
        .. Pocketsphinx is null ? ["pocketsphinx"] : Array.Empty<string>(),
        .. Directory.Exists(Path.Combine(ModelDirectory, "en-us")) ? Array.Empty<string>() : ["pocketsphinx-en-us"],
        .. Sox is null ? ["sox"] : Array.Empty<string>(),
    ];

    public static OfflineEngines Detect(OfflineSpeechOptions options) =>
        new(Find("flite"), Find("pocketsphinx_continuous"), Find("sox"), Find("ffmpeg"), options.ModelDirectory);

    public override string ToString() =>
        $"flite {Found(Flite)}, pocketsphinx {Found(Pocketsphinx)}, sox {Found(Sox)}, ffmpeg {Found(Ffmpeg)}, model " +
            $"{(Directory.Exists(ModelDirectory) ? ModelDirectory : "missing")}";

    private static string Found(string? path) => path ?? "missing";

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
