using System.Net;
using System.Text.Json.Nodes;
using DurableTask.Core;
using Interview.Functions.Tests.Infrastructure;
using Interview.LoadTest.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Interview.Functions.Http;

namespace Interview.Functions.Tests.Hosting.WorkerPath;

/// <summary>
/// A stand-in for the Azure Functions host's side of a dotnet-isolated worker, enough to send HTTP requests down the path
/// the real host takes with the ASP.NET Core integration: it starts the worker with the host's arguments and variables,
/// serves the Functions gRPC protocol (init, worker indexing, function load, invocation) and, per request, sends the
/// InvocationRequest while it forwards the HTTP request itself to the worker's HttpUri with x-ms-invocation-id. The same
/// HTTP/2 server carries the Durable Task gRPC endpoint the [DurableClient] binding points at, as the host's Durable
/// extension does, over an in-memory engine with no worker attached: orchestrations are scheduled, never run.
/// </summary>
internal sealed class FakeFunctionsHost : IAsyncDisposable
{
    private const string TaskHub = "interviews";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly WebApplication _server;
    private readonly WorkerStream _stream;
    private readonly Uri _address;
    private readonly string _appDirectory;
    private readonly string _log = Path.Combine(Path.GetTempPath(), $"worker-path-{Guid.NewGuid():N}.log");
    private readonly HttpClient _proxy = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly List<HttpFunction> _functions = [];
    private ChildProcess? _worker;
    private Uri? _httpUri;

    private FakeFunctionsHost(WebApplication server, WorkerStream stream, Uri address, string appDirectory) =>
        (_server, _stream, _address, _appDirectory) = (server, stream, address, appDirectory);

    /// <summary>The Durable engine's client side, to see what the worker scheduled.</summary>
    public IOrchestrationServiceClient Orchestrations => _server.Services.GetRequiredService<IOrchestrationServiceClient>();

    /// <summary>Starts the host's gRPC server, then the worker in <paramref name="appDirectory"/>, and loads its functions.</summary>
    public static async Task<FakeFunctionsHost> StartAsync(string appDirectory, IDictionary<string, string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{Loopback.FreePort()}/");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [$"--urls={address}"] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = null);
        builder.Services.AddSingleton<WorkerStream>();
        builder.Services.AddSingleton(sp => new InMemoryOrchestrationService(sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<IOrchestrationService>(sp => sp.GetRequiredService<InMemoryOrchestrationService>());
        builder.Services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<InMemoryOrchestrationService>());
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var server = builder.Build();
        server.MapGrpcService<WorkerStream>();
        server.MapGrpcService<TaskHubGrpcServer>();
        await server.StartAsync();

        var host = new FakeFunctionsHost(server, server.Services.GetRequiredService<WorkerStream>(), address, appDirectory);
        try
        {
            await host.StartWorkerAsync(settings);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client whose requests go through this host to the worker, as a browser's go through the real one.</summary>
    public HttpClient Client() => new(new ThroughHost(this)) { BaseAddress = new Uri("http://functions.test") };

    /// <summary>What the worker wrote: its console output and the log lines it sent over gRPC.</summary>
    public string Output()
    {
        using var reader = new StreamReader(new FileStream(_log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        return $"{reader.ReadToEnd()}\n--- RpcLog:\n{_stream.Tail()}";
    }

    private async Task StartWorkerAsync(IDictionary<string, string> settings)
    {
        // As RpcWorkerContext and RpcWorkerProcess (azure-functions-host) start a dotnet-isolated worker.
        var (workerId, requestId) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var args = HostToWorker.Arguments(Path.Combine(_appDirectory, "Interview.Functions.dll"), _address, workerId, requestId);
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => (string?)s.Value);
        environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        environment["FUNCTIONS_WORKER_DIRECTORY"] = _appDirectory;
        environment["FUNCTIONS_APPLICATION_DIRECTORY"] = _appDirectory;
        environment["AzureWebJobsScriptRoot"] = _appDirectory;
        environment["ASPNETCORE_URLS"] = null; // the integration picks its own port and reports it as HttpUri
        environment["Functions__Worker__HostEndpoint"] = null;
        _worker = ChildProcess.Start("dotnet", args, environment, _appDirectory, _log);

        await Poll.UntilAsync(() => _stream.Started.Task.IsCompleted || _worker.HasExited, Timeout, "the worker to open its gRPC stream");
        Assert.True(_stream.Started.Task.IsCompleted, $"The worker exited before it connected:\n{Output()}");
        Assert.Equal(workerId, await _stream.Started.Task);

        // GrpcWorkerChannel.SendWorkerInitRequest: the host's version, its capabilities, the app's directory.
        var init = new WorkerInitRequest { HostVersion = "4.1040.100.0", WorkerDirectory = _appDirectory,
            FunctionAppDirectory = _appDirectory };
        init.Capabilities.Add("MultiStream", "10");
        var initialized = (await RequestAsync(new StreamingMessage { WorkerInitRequest = init })).WorkerInitResponse;
        AssertSuccess(initialized.Result, "WorkerInitResponse");
        Assert.True(initialized.Capabilities.TryGetValue("HttpUri", out var httpUri),
            "The worker did not report HttpUri: no ASP.NET Core integration.");
        _httpUri = new Uri(httpUri);

        // worker.config.json says workerIndexing: the host asks the worker for its functions, then loads each.
        var indexed = (await RequestAsync(new StreamingMessage
        {
            FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = _appDirectory },
        })).FunctionMetadataResponse;
        AssertSuccess(indexed.Result, "FunctionMetadataResponse");
        Assert.False(indexed.UseDefaultMetadataIndexing);
        var routePrefix = (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(_appDirectory,
            "host.json")))?["extensions"]?["http"]?["routePrefix"] ?? "api";
        var loads = indexed.FunctionMetadataResults.Select(async metadata =>
        {
            var loaded = (await RequestAsync(new StreamingMessage
            {
                FunctionLoadRequest = new FunctionLoadRequest { FunctionId = metadata.FunctionId, Metadata = metadata.Clone() },
            })).FunctionLoadResponse;
            AssertSuccess(loaded.Result, $"FunctionLoadResponse of {metadata.Name}");
            if (HttpFunction.From(metadata, routePrefix) is { } http)
            {
                lock (_functions)
                {
                    _functions.Add(http);
                }
            }
        });
        await Task.WhenAll(loads);
    }

    /// <summary>One HTTP request as the host serves it with a proxying worker (GrpcWorkerChannel.SendInvocationRequest).</summary>
    private async Task<HttpResponseMessage> InvokeAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var path = request.RequestUri!.AbsolutePath;
        var (function, route) =
            _functions.Select(f => (Function: f, Route: f.Match(request.Method, path))).FirstOrDefault(m => m.Route is not null);
        if (function is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound); // the host's own 404: no function has this route
        }

        var invocationId = Guid.NewGuid().ToString();
        var invocation = function.Invocation(invocationId, route!, request.RequestUri, () => HostToWorker.Payload(_address, TaskHub));

        // DefaultHttpProxyService.StartForwarding before the InvocationRequest is sent: the worker pairs the two by the header.
        using var forward = HostToWorker.Forwarded(request, new Uri(_httpUri!, request.RequestUri.PathAndQuery), invocationId);
        var forwarding = _proxy.SendAsync(forward, ct);
        var invoked = RequestAsync(new StreamingMessage { InvocationRequest = invocation });

        var response = await forwarding;
        await response.Content.LoadIntoBufferAsync(ct);
        var result = (await invoked).InvocationResponse;
        Assert.Equal(invocationId, result.InvocationId);
        AssertSuccess(result.Result, $"InvocationResponse of {function.Name}");
        return response;
    }

    private async Task<StreamingMessage> RequestAsync(StreamingMessage request)
    {
        try
        {
            return await _stream.RequestAsync(request, Timeout);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"No answer to {request.ContentCase}: {ex.Message}\n{Output()}", ex);
        }
    }

    private void AssertSuccess(StatusResult result, string what) =>
        Assert.True(result.Status == StatusResult.Types.Status.Success,
            $"{what}: {result.Status} {result.Exception?.Message}\n{result.Exception?.StackTrace}\n{Output()}");

    public async ValueTask DisposeAsync()
    {
        _worker?.Dispose(); // kills it: the real host would send WorkerTerminate, which proves nothing more here
        _proxy.Dispose();
        await _server.StopAsync();
        await _server.DisposeAsync();
        File.Delete(_log);
    }

    private sealed class ThroughHost(FakeFunctionsHost host) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            host.InvokeAsync(request, cancellationToken);
    }
}
