using System.ComponentModel.DataAnnotations;

namespace Interview.Functions.Storage;

/// <summary>Section "Storage". Locally the Azurite connection string; names are created at start-up when missing.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Used when <see cref="AccountName"/> is empty: Azurite locally.</summary>
    public string? ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>
    /// In Azure: the account to reach by identity (DefaultAzureCredential, the managed identity named by AZURE_CLIENT_ID).
    /// When set, it wins over <see cref="ConnectionString"/>.
    /// </summary>
    [RegularExpression("^[a-z0-9]{3,24}$")]
    public string? AccountName { get; set; }

    /// <summary>The storage DNS suffix, for sovereign clouds.</summary>
    public string EndpointSuffix { get; set; } = "core.windows.net";

    public bool UsesIdentity => !string.IsNullOrEmpty(AccountName);

    public Uri ServiceUri(string service) => new($"https://{AccountName}.{service}.{EndpointSuffix}");

    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string SessionsTable { get; set; } = "interviews";

    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string AudioContainer { get; set; } = "interview-audio";

    /// <summary>How long an audio_url stays readable.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AudioUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long start-up keeps trying storage that does not answer yet (Azurite still starting, RBAC still spreading) before it
    /// stops with a message. A refused connection gets at most 5 s of it: nothing is listening there.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

[Microsoft.Extensions.Options.OptionsValidator]
internal sealed partial class StorageOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<StorageOptions>;
