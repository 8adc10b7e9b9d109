using Azure.Monitor.OpenTelemetry.Exporter;
using Interview.Functions.Interviewer;
using Interview.Core.Telemetry;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Interview.Functions.Hosting;

public static class TelemetrySetup
{
    public const string ConnectionSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>"Authorization=AAD" here (the infra sets it: Application Insights takes no keys) means export with Entra tokens.</summary>
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

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

        var entra = builder.Configuration[AuthenticationSetting]?.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase) == true;
        AddAzureMonitor(builder.Services, connection, entra);
        return builder;
    }

    // Apart, and never inlined, so that without Application Insights the OpenTelemetry assemblies are not even loaded.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddAzureMonitor(IServiceCollection services, string connection, bool entra)
    {
        // The exporter does not read the authentication setting itself; the app's identity (AZURE_CLIENT_ID) signs in.
        var credential = entra ? new Azure.Identity.DefaultAzureCredential() : null;
        services.AddOpenTelemetry()
            // Under the host (host.json telemetryMode OpenTelemetry) the worker's spans join the host's invocation trace.
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing
                .AddSource(TurnTracing.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddAzureMonitorTraceExporter(o => (o.ConnectionString, o.Credential) = (connection, credential)))
            .WithMetrics(metrics => metrics
                .AddMeter(BrainMetrics.MeterName, "Microsoft.AspNetCore.Hosting")
                .AddAzureMonitorMetricExporter(o => (o.ConnectionString, o.Credential) = (connection, credential)));
    }
}
