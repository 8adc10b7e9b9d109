using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Interview.Functions.Http;
using Interview.Functions.Startup;

namespace Interview.Functions.Edge;

public static class EdgeSetup
{
    /// <summary>
    /// The HTTP edge both hosts share: snake_case JSON, problem+json, the <see cref="EdgePipeline"/> and its rules, and the
    /// server's size and time limits (the worker's ASP.NET Core integration runs Kestrel too, so they hold under the host).
    /// </summary>
    public static IHostApplicationBuilder AddHttpEdge(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        services.AddOptions<InterviewOptions>().BindConfiguration(InterviewOptions.Section).ValidateAnnotations<InterviewOptions,
            InterviewOptionsValidator>().ValidateOnStart();
        services.AddSingleton<EdgePipeline>();

        // A slow or stalled client cannot hold a connection open indefinitely; the largest allowed upload still fits
        // (the form reader enforces the exact limit).
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<InterviewOptions>>((k, limits) =>
        {
            k.Limits.MaxRequestBodySize = limits.Value.MaxUploadBytes + (1024 * 1024);
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            k.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(2);
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 1024, gracePeriod: TimeSpan.FromSeconds(10));
        });
        return builder;
    }
}
