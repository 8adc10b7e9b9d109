using Azure.Monitor.OpenTelemetry.Exporter;
using Interview.Functions.Interviewer;
using Interview.Core.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Interview.Functions.Hosting;

public static class TelemetrySetup
{
    public const string ConnectionSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// OpenTelemetry traces (a span per turn with stt, brain, tts and store children, plus HTTP in and out) and metrics
    /// (model tokens, latency, fallbacks; request durations), exported to Azure Monitor when Application Insights is
    /// configured. Without it nothing is registered, which keeps the cold start lean.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var connection = builder.Configuration[ConnectionSetting];
        if (string.IsNullOrEmpty(connection))
        {
            return builder;
        }

        AddAzureMonitor(builder.Services, connection);
        return builder;
    }

    // Apart, and never inlined, so that without Application Insights the OpenTelemetry assemblies are not even loaded.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddAzureMonitor(IServiceCollection services, string connection)
    {
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(TurnTracing.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddAzureMonitorTraceExporter(o => o.ConnectionString = connection))
            .WithMetrics(metrics => metrics
                .AddMeter(BrainMetrics.MeterName, "Microsoft.AspNetCore.Hosting")
                .AddAzureMonitorMetricExporter(o => o.ConnectionString = connection));
    }
}
