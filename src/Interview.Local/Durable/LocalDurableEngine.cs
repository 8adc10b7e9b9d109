using Azure.Core;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Interview.Core.Evaluation;
using Interview.Functions.Evaluation;
using Interview.Functions.Storage;
using Interview.Functions.Webhooks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Options;

namespace Interview.Local.Durable;

/// <summary>
/// What the Functions host's Durable extension does in Azure, on a laptop: the Azure Storage orchestration engine (the one Durable
/// Functions uses) behind an in-process gRPC sidecar, with the Durable Task SDK worker running the same orchestrator and activities. All of
/// it is a small host of its own that <see cref="TaskHubSidecar"/> starts in the background; the app itself holds only a gRPC client of it.
/// </summary>
public static class LocalDurableEngine
{
    /// <summary>How long a crashed process's in-flight work stays locked before another run picks it up.</summary>
    private static readonly TimeSpan WorkItemVisibility = TimeSpan.FromSeconds(5);

    public static IHostApplicationBuilder AddLocalDurableEngine(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<TaskHubSidecar>();
        services.AddHostedService(sp => sp.GetRequiredService<TaskHubSidecar>());
        // The [DurableClient] the functions get: a gRPC client of the sidecar, whose address is fixed before anything starts.
        services.AddSingleton<DurableTaskClient>(sp => new GrpcDurableTaskClient(Options.DefaultName,
            new GrpcDurableTaskClientOptions { Address = sp.GetRequiredService<TaskHubSidecar>().Address },
            sp.GetRequiredService<ILogger<GrpcDurableTaskClient>>()));
        return builder;
    }

    /// <summary>
    /// The engine host's services: the sidecar on <paramref name="address"/>, its engine, and the worker whose activities come from
    /// <paramref name="app"/>.
    /// </summary>
    internal static void AddEngine(IServiceCollection engine, IServiceProvider app, AzureStorageOrchestrationService orchestrations,
        string address)
    {
        var loggers = app.GetRequiredService<ILoggerFactory>();
        engine.AddSingleton(loggers);
        engine.AddGrpc();
        // The engine with activity locks renewed and a safe stop (see SidecarOrchestrationService); the client needs neither.
        engine.AddSingleton(SidecarOrchestrationService.Wrap(orchestrations, WorkItemVisibility,
            loggers.CreateLogger<SidecarOrchestrationService>()));
        engine.AddSingleton<IOrchestrationServiceClient>(orchestrations);
        engine.AddSingleton<TaskHubGrpcServer>();
        engine.AddDurableTaskWorker(worker => worker
            .AddTasks(tasks => tasks
                .AddOrchestrator<EvaluationOrchestrator>()
                .AddActivity(nameof(LoadInterviewActivity), _ => app.GetRequiredService<LoadInterviewActivity>())
                .AddActivity(nameof(ScoreCompetencyActivity), _ => app.GetRequiredService<ScoreCompetencyActivity>())
                .AddActivityFunc<ReportRequest, OverallAssessment>(nameof(StoreReportActivity), (_, input) => app
                    .GetRequiredService<ReportAnnouncement>()
                    .StoreAsync(input, app.GetRequiredService<DurableTaskClient>(), CancellationToken.None))
                .AddOrchestrator<DeliveryOrchestrator>()
                .AddActivity(nameof(SendWebhookActivity), _ => app.GetRequiredService<SendWebhookActivity>()))
            .UseGrpc(address));
    }

    /// <summary>Kestrel for gRPC only: HTTP/2 without TLS on loopback.</summary>
    internal static void Http2Only(KestrelServerOptions kestrel)
        => kestrel.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2);

    /// <summary>
    /// Tuned for one local process: one partition, queues polled at least every half second (the default backs off to 30 s),
    /// and in-flight work of a crashed process back after 5 s instead of 5 minutes. The worker id is stable across restarts,
    /// so a restarted process takes its partition back at once instead of waiting for the lease to expire.
    /// </summary>
    internal static AzureStorageOrchestrationService CreateOrchestrations(IServiceProvider app)
    {
        var storage = app.GetRequiredService<IOptions<StorageOptions>>().Value;
        var hub = app.GetRequiredService<IOptions<EvaluationOptions>>().Value.TaskHub;
        return new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = storage.UsesIdentity
                ? new StorageAccountClientProvider(storage.AccountName!, app.GetRequiredService<TokenCredential>())
                : new StorageAccountClientProvider(storage.ConnectionString!),
            TaskHubName = hub,
            PartitionCount = 1,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
            WorkItemQueueVisibilityTimeout = WorkItemVisibility,
            ControlQueueVisibilityTimeout = WorkItemVisibility,
            UseAppLease = false,
            UseTablePartitionManagement = true,
            WorkerId = $"{Environment.MachineName}-{hub}",
            LeaseAcquireInterval = TimeSpan.FromSeconds(2),
            LeaseRenewInterval = TimeSpan.FromSeconds(2),
            LeaseInterval = TimeSpan.FromSeconds(15),
            // Scheduling an instance id that exists is refused, never a restart of it (see Evaluations.StartAsync).
            ThrowExceptionOnInvalidDedupeStatus = true,
            LoggerFactory = app.GetRequiredService<ILoggerFactory>(),
        });
    }
}
