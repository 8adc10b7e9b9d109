using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Interview.Functions.Http;

namespace Interview.Functions.Security;

/// <summary>
/// Token buckets refilled each minute: one per client address on every function, and one per interview on functions marked
/// <c>[RateLimited(RateLimits.Turns)]</c>, counted after authentication. Under the Functions host the worker's forwarded-headers step
/// (ASP.NET Core integration: UseForwardedHeaders, the host on loopback as the known proxy) has made the last X-Forwarded-For entry, the
/// one the platform's front end appended, the remote address; in the twin that header is the client's own word and is ignored. The buckets
/// live in each instance's memory (docs/security.md: rate limits).
/// </summary>
public sealed class RateLimits : IDisposable
{
    public const string Turns = "turns";

    private readonly RateLimitOptions _options;
    private readonly PartitionedRateLimiter<string> _clients;
    private readonly PartitionedRateLimiter<string> _interviews;

    public RateLimits(IOptions<SecurityOptions> options)
    {
        _options = options.Value.RateLimit;
        _clients = PartitionedRateLimiter.Create<string, string>(key => Bucket(key, _options.RequestsPerMinutePerClient));
        _interviews = PartitionedRateLimiter.Create<string, string>(key => Bucket(key, _options.TurnsPerMinutePerInterview));
    }

    /// <summary>Every request, by the client's address: null when it may go on, otherwise the 429 to answer.</summary>
    public IResult? CheckClient(HttpContext http) =>
        _options.Enabled ? Refusal(_clients, http.Connection.RemoteIpAddress?.ToString() ?? "unknown") : null;

    /// <summary>
    /// The interview's own budget, for functions marked <c>[RateLimited(Turns)]</c>. Called only once the caller has shown
    /// a credential for that interview, so someone who merely knows the id cannot spend the candidate's budget.
    /// </summary>
    public IResult? CheckInterview(HttpContext http, HttpFunction function) =>
        _options.Enabled && function.RateLimitPolicy == Turns
            ? Refusal(_interviews, http.Request.RouteValues[HttpFunction.InterviewIdParameter] as string ?? "")
            : null;

    public void Dispose()
    {
        _clients.Dispose();
        _interviews.Dispose();
    }

    private static IResult? Refusal(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return null;
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
        return Problems.Create(ErrorCodes.RateLimited, "Slow down and retry after the time in Retry-After.", wait);
    }

    private static RateLimitPartition<string> Bucket(string key, int perMinute)
        => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
    {
        TokenLimit = perMinute,
        TokensPerPeriod = perMinute,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    });
}
