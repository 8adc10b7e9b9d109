using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace Interview.Functions.Evaluation.Standalone;

/// <summary>
/// Standalone, the Durable Task SDK worker and client talk gRPC to this in-process sidecar (the SDK's TaskHubGrpcServer)
/// on a loopback port, and it runs orchestrations on the Azure Storage engine Durable Functions itself uses, in the same
/// storage account (Azurite locally). So a local evaluation is durable: kill the process, start it again, and the
/// orchestration resumes from its history. The task hub is created in the background so start-up does not wait for it;
/// whoever schedules or reads evaluations awaits <see cref="Ready"/>.
/// </summary>
public sealed partial class TaskHubSidecar(AzureStorageOrchestrationService engine, AzureStorageOrchestrationServiceSettings settings, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private WebApplication? _server;

    /// <summary>Where the worker and the client find the sidecar: a free loopback port, chosen before either connects.</summary>
    public string Address { get; } = $"http://127.0.0.1:{FreeLoopbackPort()}";

    private Task _ready = Task.CompletedTask;

    /// <summary>
    /// Completes once the task hub's tables, queues and containers exist. A creation that failed (storage away at start)
    /// is tried again by the next caller rather than failing every evaluation until a restart; creating is idempotent.
    /// </summary>
    public Task Ready => _ready.IsFaulted || _ready.IsCanceled ? _ready = engine.CreateIfNotExistsAsync() : _ready;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ready = engine.CreateIfNotExistsAsync();
        // Its own address as its URLs, above the app's ASPNETCORE_URLS, which it would otherwise read too (and warn that it overrode).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [$"--urls={Address}"] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        // The engine with activity locks renewed and a safe stop (see SidecarOrchestrationService); the client needs neither.
        builder.Services.AddSingleton(SidecarOrchestrationService.Wrap(engine, settings.WorkItemQueueVisibilityTimeout, loggers.CreateLogger<SidecarOrchestrationService>()));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(engine);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        _server = builder.Build();
        _server.MapGrpcService<TaskHubGrpcServer>();
        await _server.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null)
        {
            return;
        }

        // The sidecar would wait for outstanding work for up to an hour; their queue messages come back after a restart.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await _server.StopAsync(bounded.Token);
        }
        catch (OperationCanceledException)
        {
            Log.StopTimedOut(loggers.CreateLogger<TaskHubSidecar>());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "The Durable Task sidecar did not stop within 10 s; unfinished work resumes on the next start")]
        public static partial void StopTimedOut(ILogger logger);
    }
}
