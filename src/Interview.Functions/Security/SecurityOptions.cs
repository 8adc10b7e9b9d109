using System.ComponentModel.DataAnnotations;

namespace Interview.Functions.Security;

/// <summary>
/// Section "Security". <c>open</c> (local default): anyone may call any interview, logged as a warning at start-up.
/// <c>token</c> (what the infra sets): the recruiter (signed in, <see cref="EntraOptions"/>) gets a join token per interview,
/// start exchanges it for a session token, and every other call needs that session token.
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";
    public const string Open = "open";
    public const string Token = "token";

    [RegularExpression("^(open|token)$", ErrorMessage = "Security:Mode must be open or token.")]
    public string Mode { get; set; } = Open;

    /// <summary>Base64 HMAC key, at least 32 bytes, that signs join and session tokens. Required in token mode.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// A development credential for the recruiter side (header X-Admin-Key), at least 16 characters; empty turns it off.
    /// Token mode needs it or Entra ID sign-in (section Entra); the infra sets only the latter.
    /// </summary>
    public string? AdminKey { get; set; }

    /// <summary>The admin key, or null when it is off: an empty setting never matches an empty header.</summary>
    public string? AdminKeyIfSet => string.IsNullOrEmpty(AdminKey) ? null : AdminKey;

    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan JoinTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    [Range(typeof(TimeSpan), "00:01:00", "2.00:00:00")]
    public TimeSpan SessionTokenLifetime { get; set; } = TimeSpan.FromHours(4);

    [Microsoft.Extensions.Options.ValidateObjectMembers]
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// Open mode serves every interview to whoever reaches the app, so it starts only on loopback addresses unless this
    /// says otherwise (Security/OpenModeGuard). Set it only on a network you trust entirely, e.g. a demo on your own LAN.
    /// </summary>
    public bool OpenOnNetwork { get; set; }

    public bool RequiresTokens => Mode == Token;

    public byte[] Key() => Convert.FromBase64String(SigningKey ?? "");
}

/// <summary>Per interview (turns) and per client (every request), token buckets refilled each minute.</summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    [Range(1, 10_000)]
    public int TurnsPerMinutePerInterview { get; set; } = 30;

    [Range(1, 1_000_000)]
    public int RequestsPerMinutePerClient { get; set; } = 600;
}

[Microsoft.Extensions.Options.OptionsValidator]
internal sealed partial class SecurityOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<SecurityOptions>;
