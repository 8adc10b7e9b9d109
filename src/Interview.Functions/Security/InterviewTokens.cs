using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Security;

/// <summary>
/// Signed, scoped, expiring tokens: base64url(JSON {k: kind, i: interview id, e: expiry, n: nonce, p: plan id?}) "."
/// base64url(HMAC-SHA256). A token opens exactly one interview, for one purpose (join or session), until it expires; a join
/// token may also fix the plan the interview starts with, so a candidate cannot swap it.
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

    private sealed record Claims(string K, string I, long E, string N, string? P = null);

    /// <summary>A token of <paramref name="kind"/>, valid for its configured lifetime or until <paramref name="expiresAt"/>.</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(string kind, string interviewId, string? planId = null,
        DateTimeOffset? expiresAt = null)
    {
        var lifetime = kind == Join ? options.Value.JoinTokenLifetime : options.Value.SessionTokenLifetime;
        var expires = expiresAt ?? clock.GetUtcNow() + lifetime;
        var claims = new Claims(kind, interviewId, expires.ToUnixTimeSeconds(),
            Convert.ToHexString(RandomNumberGenerator.GetBytes(8)), planId);
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims, ClaimsJson));
        return ($"{payload}.{Base64Url.EncodeToString(Sign(payload))}", expires);
    }

    public Verdict Check(string? token, string kind, string interviewId)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Verdict.Missing;
        }

        if (Signed(token) is not { } claims || claims.K != kind)
        {
            return Verdict.Invalid;
        }

        if (DateTimeOffset.FromUnixTimeSeconds(claims.E) <= clock.GetUtcNow())
        {
            return Verdict.Expired;
        }

        return claims.I == interviewId ? Verdict.Valid : Verdict.OtherInterview;
    }

    /// <summary>
    /// The plan the request's link fixes: its valid, signed join token's, in token mode; null otherwise (open mode, none fixed,
    /// or not a join token we signed).
    /// </summary>
    public string? LinkedPlan(HttpContext http) =>
        options.Value.RequiresTokens && InterviewAccess.Bearer(http) is { } token && Signed(token) is { K: Join } claims ? claims.P : null;

    // Older tokens carry no "P"; a token without a plan is written without one.
    private static readonly JsonSerializerOptions ClaimsJson =
        new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The claims of a well-formed token whose signature is ours, expired or not; null otherwise.</summary>
    private Claims? Signed(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || token.Length > 1024)
        {
            return null;
        }

        var payload = token[..dot];
        try
        {
            var signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            return CryptographicOperations.FixedTimeEquals(signature, Sign(payload))
                ? JsonSerializer.Deserialize<Claims>(Base64Url.DecodeFromChars(payload))
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Constant-time, whatever the lengths: both sides are hashed to the same size first.</summary>
    public static bool SameSecret(string? presented, string? expected) =>
        presented is not null && expected is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private byte[] Sign(string payload) => HMACSHA256.HashData(options.Value.Key(), Encoding.ASCII.GetBytes(payload));
}
