using Interview.Functions.Edge;
using Interview.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Interview.Functions.Http;

namespace Interview.Functions.Tests.Hosting;

/// <summary>
/// The isolated worker as the Functions host would start it, built but not run (no gRPC connection): every function in the generated
/// metadata is created from the worker's container, and the cross-cutting edge is wired into its pipeline.
/// </summary>
public sealed class WorkerHostTests
{
    [Fact]
    public void Every_function_in_the_metadata_resolves_from_the_worker_container_behind_the_edge()
    {
        using var host = FunctionsHost.CreateWorker([]).Build();
        var services = host.Services;
        var assembly = typeof(FunctionsHost).Assembly;

        foreach (var function in FunctionsMetadata.Read())
        {
            var entryPoint = (string)function["entryPoint"]!;
            var type = assembly.GetType(entryPoint[..entryPoint.LastIndexOf('.')], throwOnError: true)!;
            using var scope = services.CreateScope();
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));

            if ((string)FunctionsMetadata.Trigger(function)["type"]! == "httpTrigger")
            {
                // The edge finds it by the name the host invokes it with, and runs its rules.
                Assert.NotNull(HttpFunctions.Find((string)function["name"]!));
            }
        }

        Assert.NotNull(services.GetService<WorkerEdgeMiddleware>());
        Assert.NotNull(services.GetService<EdgePipeline>());
    }

    [Fact]
    public void The_edge_runs_after_the_aspnetcore_integration_and_before_the_function()
    {
        var builder = FunctionsHost.CreateWorker([]);
        using var host = builder.Build(); // adds the default middleware that invokes the function
        var middleware = builder.Services.Where(d
            => d.ServiceType.Namespace?.StartsWith("Microsoft.Azure.Functions.Worker", StringComparison.Ordinal) == true
                                                    || d.ServiceType == typeof(WorkerEdgeMiddleware))
            .Select(d => d.ServiceType.Name)
            .Where(n => n.EndsWith("Middleware", StringComparison.Ordinal))
            .ToList();

        // UseMiddleware registers each middleware as it is added to the pipeline: their order is the pipeline's.
        Assert.True(middleware.IndexOf("FunctionsHttpProxyingMiddleware") < middleware.IndexOf(nameof(WorkerEdgeMiddleware)),
            string.Join(", ", middleware));
        Assert.True(middleware.IndexOf(nameof(WorkerEdgeMiddleware)) < middleware.IndexOf("FunctionExecutionMiddleware"),
            string.Join(", ", middleware));
    }

    [Fact]
    public void Started_by_the_host_means_its_grpc_endpoint_was_passed()
    {
        Assert.False(FunctionsHost.StartedByHost([]));
        Assert.True(FunctionsHost.StartedByHost(["--functions-uri", "http://127.0.0.1:50000/"]));
    }
}
