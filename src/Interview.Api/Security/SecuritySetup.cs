using System.Globalization;
using System.Threading.RateLimiting;
using Interview.Api.Hosting;
using Interview.Api.Sessions;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Interview.Api.Security;

public static partial class SecuritySetup
{
    public const string TurnPolicy = "turns";

    /// <summary>Tokens, rate limits per interview and per client, and server-side time limits.</summary>
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations()
            .Validate(o => !o.RequiresTokens || HasStrongKey(o), "Security:Mode token needs Security:SigningKey (base64, at least 32 bytes).")
            .Validate(o => !o.RequiresTokens || o.AdminKey is { Length: >= 16 }, "Security:Mode token needs Security:AdminKey (at least 16 characters).")
            .ValidateOnStart();
        services.AddSingleton<InterviewTokens>();
        services.AddHostedService<SecurityStartupLog>();

        services.AddRateLimiter(limiter =>
        {
            limiter.OnRejected = RejectAsync;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var limits = Limits(http);
                return limits.Enabled
                    ? RateLimitPartition.GetTokenBucketLimiter($"client:{ClientKey(http)}", _ => PerMinute(limits.RequestsPerMinutePerClient))
                    : RateLimitPartition.GetNoLimiter("off");
            });
            limiter.AddPolicy(TurnPolicy, http =>
            {
                var limits = Limits(http);
                return limits.Enabled
                    ? RateLimitPartition.GetTokenBucketLimiter($"interview:{http.Request.RouteValues[InterviewIdFilter.RouteKey]}", _ => PerMinute(limits.TurnsPerMinutePerInterview))
                    : RateLimitPartition.GetNoLimiter("off");
            });
        });

        // A slow or stalled client cannot hold a connection or a request open indefinitely.
        services.Configure<KestrelServerOptions>(k =>
        {
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            k.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(2);
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 1024, gracePeriod: TimeSpan.FromSeconds(10));
        });
        services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(90),
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        });
        return builder;
    }

    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseRequestTimeouts();
        app.UseRateLimiter();
        return app;
    }

    private static bool HasStrongKey(SecurityOptions o)
    {
        try
        {
            return o.Key().Length >= 32;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static RateLimitOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.RateLimit;

    private static TokenBucketRateLimiterOptions PerMinute(int limit) => new()
    {
        TokenLimit = limit,
        TokensPerPeriod = limit,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>
    /// The caller's address. Under the Functions host every request arrives from the host on loopback, so the
    /// front end's X-Forwarded-For is the client; standalone, that header is the client's own word and is ignored.
    /// </summary>
    private static string ClientKey(HttpContext http)
    {
        var underHost = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(FunctionsHosting.CustomHandlerPortVariable));
        var forwarded = http.Request.Headers["X-Forwarded-For"].ToString().Split(',')[0].Trim();
        return underHost && forwarded.Length > 0 ? forwarded : http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await Problems.Create(StatusCodes.Status429TooManyRequests, "Too many requests", "Slow down and retry after the time in Retry-After.", "rate_limited")
            .ExecuteAsync(http);
    }
}

/// <summary>Open mode is for laptops: say so loudly at start-up.</summary>
internal sealed partial class SecurityStartupLog(IOptions<SecurityOptions> options, ILogger<SecurityStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.RequiresTokens)
        {
            Log.Open(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Security:Mode is open: any caller can read and answer any interview. Use Security:Mode=token outside a laptop.")]
        public static partial void Open(ILogger logger);
    }
}
