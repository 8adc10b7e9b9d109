using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Interview.Functions.Startup;

namespace Interview.Local.Durable;

/// <summary>
/// Starts the laptop's Durable engine (<see cref="LocalDurableEngine"/>) in the background, as the <see
/// cref="StartupWork.EvaluationEngine"/> piece that evaluations await: a host of its own on a loopback port with the in-process gRPC
/// sidecar (the SDK's TaskHubGrpcServer) over the Azure Storage engine, and the worker; then the task hub's tables, queues and containers.
/// A local evaluation is durable: kill the process, start it again, and the orchestration resumes from its history in storage (Azurite).
/// </summary>
public sealed partial class TaskHubSidecar(IServiceProvider app, StartupWork work, ILoggerFactory loggers) : IHostedService,
    IAsyncDisposable
{
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _server;
    private AzureStorageOrchestrationService? _orchestrations;
    private int _listenCalled;

    /// <summary>Where the worker and the client find the sidecar: a free loopback port, chosen before either connects.</summary>
    public string Address { get; } = $"http://127.0.0.1:{FreeLoopbackPort()}";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Creating is idempotent: a creation that failed (storage away at start) is tried again by the next evaluation.
        work.Begin(StartupWork.EvaluationEngine, async ct =>
        {
            if (Interlocked.Exchange(ref _listenCalled, 1) == 0)
            {
                await ListenAsync();
            }

            await _listening.Task.WaitAsync(ct);
            await _orchestrations!.CreateIfNotExistsAsync();
        });
        return Task.CompletedTask;
    }

    private async Task ListenAsync()
    {
        try
        {
            _orchestrations = LocalDurableEngine.CreateOrchestrations(app);
            // Its own address as its URLs, above the app's ASPNETCORE_URLS, which it would otherwise read too (and warn that it overrode).
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [$"--urls={Address}"] });
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(LocalDurableEngine.Http2Only);
            LocalDurableEngine.AddEngine(builder.Services, app, _orchestrations, Address);
            _server = builder.Build();
            _server.MapGrpcService<TaskHubGrpcServer>();
            await _server.StartAsync(); // the sidecar listens, then the worker connects to it
            _listening.TrySetResult();
        }
        catch (Exception ex)
        {
            _listening.TrySetException(ex);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _listenCalled) == 1)
        {
            // A start still under way finishes first, so what it started is stopped below.
            try
            {
                await _listening.Task.WaitAsync(cancellationToken);
            }
            catch (Exception)
            {
                // Failed to start (logged by whoever waited for it) or the stop ran out of time: nothing more to wait for.
            }
        }

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
        [LoggerMessage(Level = LogLevel.Warning,
            Message = "The Durable Task sidecar did not stop within 10 s; unfinished work resumes on the next start")]
        public static partial void StopTimedOut(ILogger logger);
    }
}
