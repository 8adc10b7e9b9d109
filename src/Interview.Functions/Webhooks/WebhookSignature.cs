using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Interview.Functions.Webhooks;

/// <summary>
/// Standard Webhooks signing (standardwebhooks.com): the secret is <c>whsec_</c> + base64 of its bytes; the signature of a
/// message is <c>v1,</c> + base64 HMAC-SHA256 of <c>"{webhook-id}.{webhook-timestamp}.{body}"</c>. A receiver checks it with
/// any Standard Webhooks library, or the few lines in docs/webhooks.md.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    /// <summary>How far a timestamp may be from the receiver's clock before <see cref="Verify"/> refuses it (replays).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>A new secret: 32 random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal)
            ? secret[SecretPrefix.Length..]
            : secret);
        var content = string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}");
        var signed = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(content));
        return "v1," + Convert.ToBase64String(signed);
    }

    /// <summary>
    /// True when one of the space-separated signatures in <paramref name="signatures"/> is this message's, and the timestamp is
    /// within <see cref="Tolerance"/> of <paramref name="now"/>.
    /// </summary>
    public static bool Verify(string secret, string id, string timestamp, string signatures, string body, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, seconds, body));
        return signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }
}
