using Interview.Core.Recruiting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Interview.Functions.Security;

/// <summary>
/// Checks a recruiter's Entra ID access token: signed by a key the tenant's OpenID metadata publishes (fetched once,
/// cached, refreshed daily, and read again at once when a token names a key not yet seen, at most every five minutes,
/// so a rotation is picked up without letting forged tokens make it fetch on every request), issued by
/// the tenant, for this API, unexpired, and carrying the app role. The token itself is never logged.
/// </summary>
public sealed partial class EntraTokens
{
    public enum Verdict
    {
        Valid,
        Invalid,
        LacksRole,
    }

    public static readonly TimeSpan KeyRefreshThrottle = TimeSpan.FromMinutes(5);

    private readonly EntraOptions _options;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _clock;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ILogger<EntraTokens> _logger;
    private ConfigurationManager<OpenIdConnectConfiguration>? _metadata;
    private long _lastForcedRefresh = long.MinValue;

    public EntraTokens(IOptions<EntraOptions> options, IHttpClientFactory http, TimeProvider clock, ILogger<EntraTokens> logger)
    {
        (_options, _http, _clock, _logger) = (options.Value, http, clock, logger);
        _metadata = _options.Enabled ? NewMetadata() : null;
    }

    /// <summary>An access token is a JWT (three dot-separated parts); the app's own join and session tokens have two.</summary>
    public static bool IsJwt(string token) => token.Count(c => c == '.') == 2;

    public async Task<(Verdict Verdict, Actor? Actor)> CheckAsync(string token)
    {
        if (_metadata is null || token.Length > 16 * 1024)
        {
            return (Verdict.Invalid, null);
        }

        var result = await ValidateAsync(token);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException && ForceRefresh())
        {
            result = await ValidateAsync(token);
        }

        if (!result.IsValid)
        {
            Log.Refused(_logger, result.Exception?.GetType().Name ?? "unknown");
            return (Verdict.Invalid, null);
        }

        var claims = result.Claims;
        var oid = claims.TryGetValue("oid", out var o) ? o as string : null;
        var roles = claims.TryGetValue("roles", out var r)
            ? r switch { string one => [one], IEnumerable<object> many => many.Select(x => $"{x}"), _ => [] } : [];
        if (string.IsNullOrEmpty(oid) || !roles.Contains(_options.Role, StringComparer.Ordinal))
        {
            return (Verdict.LacksRole, null);
        }

        var name = (claims.TryGetValue("name", out var n) ? n as string : null)
            ?? (claims.TryGetValue("preferred_username", out var u) ? u as string : null) ?? oid;
        return (Verdict.Valid, new Actor(oid, name.Length <= 100 ? name : name[..100]));
    }

    // With the ConfigurationManager set, the handler takes the issuer and the keys from the cached metadata.
    private Task<TokenValidationResult> ValidateAsync(string token) =>
        _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ConfigurationManager = _metadata,
            ValidAudiences = _options.Audiences,
            // Entra ID signs v1.0 access tokens (accessTokenAcceptedVersion unset) as sts.windows.net.
            ValidIssuers = string.IsNullOrEmpty(_options.TenantId) ? null : [$"https://sts.windows.net/{_options.TenantId}/"],
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromMinutes(2),
        });

    /// <summary>
    /// A fresh read of the metadata, now: the manager's own refresh runs in the background and would answer this request
    /// from the old keys. False when one was forced within <see cref="KeyRefreshThrottle"/>.
    /// </summary>
    private bool ForceRefresh()
    {
        var now = _clock.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastForcedRefresh);
        if (last != long.MinValue && now - last < KeyRefreshThrottle.Ticks
            || Interlocked.CompareExchange(ref _lastForcedRefresh, now, last) != last)
        {
            return false;
        }

        _metadata = NewMetadata();
        return true;
    }

    private ConfigurationManager<OpenIdConnectConfiguration> NewMetadata()
        => new(_options.MetadataAddress, new OpenIdConnectConfigurationRetriever(),
        new HttpDocumentRetriever(_http.CreateClient(nameof(EntraTokens))) { RequireHttps =
            !EntraOptions.IsLoopback(new Uri(_options.Issuer)) });

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "A recruiter token was refused: {Reason}")]
        public static partial void Refused(ILogger logger, string reason);
    }
}
