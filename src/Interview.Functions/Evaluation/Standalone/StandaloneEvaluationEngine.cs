using Azure.Core;
using DurableTask.AzureStorage;
using Interview.Core.Evaluation;
using Interview.Functions.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Evaluation.Standalone;

public static class StandaloneEvaluationEngine
{
    /// <summary>
    /// Standalone only (under the Functions host the Durable extension runs the orchestration): the Azure Storage
    /// orchestration engine behind an in-process sidecar, and the Durable Task SDK worker and client connected to it.
    /// </summary>
    public static IHostApplicationBuilder AddStandaloneEvaluationEngine(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(Settings);
        services.AddSingleton(sp => new AzureStorageOrchestrationService(sp.GetRequiredService<AzureStorageOrchestrationServiceSettings>()));
        services.AddSingleton<TaskHubSidecar>();
        // Registered before the worker, so the sidecar listens before the worker connects.
        services.AddHostedService(sp => sp.GetRequiredService<TaskHubSidecar>());
        services.AddDurableTaskWorker(worker => worker
            .AddTasks(tasks => tasks
                .AddOrchestrator<EvaluationOrchestrator>()
                .AddActivity<LoadInterviewActivity>()
                .AddActivity<ScoreCompetencyActivity>()
                .AddActivity<StoreReportActivity>())
            .UseGrpc());
        services.AddDurableTaskClient(client => client.UseGrpc());
        services.AddOptions<Microsoft.DurableTask.Worker.Grpc.GrpcDurableTaskWorkerOptions>(Options.DefaultName)
            .Configure<TaskHubSidecar>((o, sidecar) => o.Address = sidecar.Address);
        services.AddOptions<Microsoft.DurableTask.Client.Grpc.GrpcDurableTaskClientOptions>(Options.DefaultName)
            .Configure<TaskHubSidecar>((o, sidecar) => o.Address = sidecar.Address);
        services.AddHostedService<Recruiter.DailyJobs>();
        return builder;
    }

    /// <summary>
    /// Tuned for one local process: one partition, queues polled at least every half second (the default backs off to 30 s),
    /// and in-flight work of a crashed process back after 5 s instead of 5 minutes. The worker id is stable across restarts,
    /// so a restarted process takes its partition back at once instead of waiting for the lease to expire.
    /// </summary>
    private static AzureStorageOrchestrationServiceSettings Settings(IServiceProvider services)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var hub = services.GetRequiredService<IOptions<EvaluationOptions>>().Value.TaskHub;
        return new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = storage.UsesIdentity
                ? new StorageAccountClientProvider(storage.AccountName!, services.GetRequiredService<TokenCredential>())
                : new StorageAccountClientProvider(storage.ConnectionString!),
            TaskHubName = hub,
            PartitionCount = 1,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(5),
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(5),
            UseAppLease = false,
            UseTablePartitionManagement = true,
            WorkerId = $"{Environment.MachineName}-{hub}",
            LeaseAcquireInterval = TimeSpan.FromSeconds(2),
            LeaseRenewInterval = TimeSpan.FromSeconds(2),
            LeaseInterval = TimeSpan.FromSeconds(15),
            // Scheduling an instance id that exists is refused, never a restart of it (see Evaluations.StartAsync).
            ThrowExceptionOnInvalidDedupeStatus = true,
            LoggerFactory = services.GetRequiredService<ILoggerFactory>(),
        };
    }
}
