using System.ComponentModel.DataAnnotations;

namespace Interview.Functions.Storage;

/// <summary>
/// Section "Retention": how long an interview is kept once it is over (the candidate is told before consenting). 0 keeps it
/// until someone erases it.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    [Range(0, 3650)]
    public int Days { get; set; }
}

[Microsoft.Extensions.Options.OptionsValidator]
internal sealed partial class RetentionOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<RetentionOptions>;
