using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Interview.Functions.Tests.Security;

/// <summary>
/// An OpenID provider on loopback, as Entra ID looks to the API: metadata at {issuer}/.well-known/openid-configuration,
/// its RSA keys as a JWKS, and access tokens signed with the current key. <see cref="Rotate"/> starts signing with a new
/// key that only a fresh read of the JWKS knows; <see cref="MetadataReads"/> counts the reads.
/// </summary>
public sealed class LoopbackOpenIdProvider : IAsyncDisposable
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string ClientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    public const string Role = "Interviews.Manage";

    private readonly WebApplication _app;
    private readonly List<RsaSecurityKey> _published = [];
    private RsaSecurityKey _signing;
    private int _metadataReads;

    private LoopbackOpenIdProvider(WebApplication app)
    {
        _app = app;
        _signing = NewKey();
        _published.Add(_signing);
    }

    public string Issuer { get; private set; } = "";

    public int MetadataReads => Volatile.Read(ref _metadataReads);

    /// <summary>The app's settings that point it at this provider.</summary>
    public Dictionary<string, string> Settings => new()
    {
        ["Entra:TenantId"] = TenantId, ["Entra:ClientId"] = ClientId, ["Entra:Authority"] = Issuer, ["Entra:Role"] = Role,
    };

    public static async Task<LoopbackOpenIdProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var provider = new LoopbackOpenIdProvider(app);
        app.MapGet($"/{TenantId}/v2.0/.well-known/openid-configuration", () =>
        {
            Interlocked.Increment(ref provider._metadataReads);
            return Results.Json(new Dictionary<string, object> { ["issuer"] = provider.Issuer, ["jwks_uri"] = $"{provider.Issuer}/keys" });
        });
        app.MapGet($"/{TenantId}/v2.0/keys", () => Results.Json(new { keys = provider.PublishedKeys() }));
        await app.StartAsync();
        provider.Issuer = $"{app.Urls.Single()}/{TenantId}/v2.0";
        return provider;
    }

    /// <summary>From now on tokens are signed with a new key, published beside the old one.</summary>
    public void Rotate()
    {
        lock (_published)
        {
            _signing = NewKey();
            _published.Add(_signing);
        }
    }

    /// <summary>An access token as Entra ID issues it for the API; each argument changes one thing from a valid one.</summary>
    public string Token(string? audience = null, string? issuer = null, TimeSpan? expiresIn = null, string[]? roles = null,
        SecurityKey? key = null,
        string name = "Rita Recruiter", string objectId = "0b0b0b0b-1111-2222-3333-444444444444")
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? $"api://{ClientId}",
            IssuedAt = expires < now ? expires.AddHours(-1) : now,
            NotBefore = expires < now ? expires.AddHours(-1) : now,
            Expires = expires,
            Claims = new Dictionary<string, object>
            {
                ["oid"] = objectId, ["tid"] = TenantId, ["name"] = name, ["scp"] = "Interviews.Access", ["roles"] = roles ?? [Role],
            },
            SigningCredentials = new SigningCredentials(key ?? _signing, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A key no metadata publishes: a token signed with it is forged.</summary>
    public static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private List<Dictionary<string, string>> PublishedKeys()
    {
        lock (_published)
        {
            return [.. _published.Select(k =>
            {
                var rsa = k.Rsa.ExportParameters(false);
                return new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = k.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(rsa.Modulus), ["e"] = Base64UrlEncoder.Encode(rsa.Exponent),
                };
            })];
        }
    }
}
