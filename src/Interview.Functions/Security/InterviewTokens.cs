using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Security;

/// <summary>
/// Signed, scoped, expiring tokens: base64url(JSON {k: kind, i: interview id, e: expiry, n: nonce}) "." base64url(HMAC-SHA256).
/// A token opens exactly one interview, for one purpose (join or session), until it expires.
/// </summary>
public sealed class InterviewTokens(IOptions<SecurityOptions> options, TimeProvider clock)
{
    public const string Join = "join";
    public const string Session = "session";

    public enum Verdict
    {
        Valid,
        Missing,
        Invalid,
        Expired,
        OtherInterview,
    }

    private sealed record Claims(string K, string I, long E, string N);

    public (string Token, DateTimeOffset ExpiresAt) Issue(string kind, string interviewId)
    {
        var lifetime = kind == Join ? options.Value.JoinTokenLifetime : options.Value.SessionTokenLifetime;
        var expires = clock.GetUtcNow() + lifetime;
        var claims = new Claims(kind, interviewId, expires.ToUnixTimeSeconds(), Convert.ToHexString(RandomNumberGenerator.GetBytes(8)));
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        return ($"{payload}.{Base64Url.EncodeToString(Sign(payload))}", expires);
    }

    public Verdict Check(string? token, string kind, string interviewId)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Verdict.Missing;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || token.Length > 1024)
        {
            return Verdict.Invalid;
        }

        var payload = token[..dot];
        byte[] signature;
        Claims? claims;
        try
        {
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            claims = JsonSerializer.Deserialize<Claims>(Base64Url.DecodeFromChars(payload));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return Verdict.Invalid;
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(payload)) || claims is null || claims.K != kind)
        {
            return Verdict.Invalid;
        }

        if (DateTimeOffset.FromUnixTimeSeconds(claims.E) <= clock.GetUtcNow())
        {
            return Verdict.Expired;
        }

        return claims.I == interviewId ? Verdict.Valid : Verdict.OtherInterview;
    }

    /// <summary>Constant-time, whatever the lengths: both sides are hashed to the same size first.</summary>
    public static bool SameSecret(string? presented, string? expected) =>
        presented is not null && expected is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private byte[] Sign(string payload) => HMACSHA256.HashData(options.Value.Key(), Encoding.ASCII.GetBytes(payload));
}
