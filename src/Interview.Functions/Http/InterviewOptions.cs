using System.ComponentModel.DataAnnotations;

namespace Interview.Functions.Http;

/// <summary>Section "Interview": request limits at the edge.</summary>
public sealed class InterviewOptions
{
    public const string Section = "Interview";

    /// <summary>Largest accepted audio upload; bigger bodies get 413. 25 MB by default.</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Longest spoken answer, in seconds (read from the recording's bytes before any work, checked after decoding).</summary>
    [Range(1, 3600)]
    public int MaxAudioSeconds { get; set; } = 300;

    /// <summary>Longest typed answer, in characters (Table Storage keeps up to 32K characters per property).</summary>
    [Range(1, 30_000)]
    public int MaxTextChars { get; set; } = 8_000;
}

[Microsoft.Extensions.Options.OptionsValidator]
internal sealed partial class InterviewOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<InterviewOptions>;
