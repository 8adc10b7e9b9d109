using System.Text.Json.Nodes;
using Interview.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Api.Tests.Hosting;

/// <summary>
/// Under the Functions host only routes declared in a function.json reach the app. Every declared route must be
/// served, and every served route declared, or an endpoint silently disappears in Azure.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionsManifestTests(AzuriteFixture azurite)
{
    [Fact]
    public void Every_function_json_route_maps_to_an_app_endpoint_and_back()
    {
        using var app = new InterviewApp(azurite);
        _ = app.Server;
        var served = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .Order().ToList();

        var declared = Directory.GetFiles(AppContext.BaseDirectory, "function.json", SearchOption.AllDirectories)
            .SelectMany(Routes)
            .Order().ToList();

        Assert.Equal(10, declared.Count);
        Assert.Equal(served, declared);
    }

    [Fact]
    public void Queue_trigger_reads_the_evaluation_queue_with_the_retry_limit_the_standalone_listener_uses()
    {
        var function = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "EvaluateInterview", "function.json")))!;
        var trigger = function["bindings"]!.AsArray().Single()!;
        Assert.Equal("queueTrigger", (string)trigger["type"]!);
        Assert.Equal("%Storage__EvaluationQueue%", (string)trigger["queueName"]!);
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")))!;
        Assert.Equal(new Interview.Api.Evaluation.EvaluationOptions().MaxDequeueCount, (int)host["extensions"]!["queues"]!["maxDequeueCount"]!);
    }

    /// <summary>HTTP functions forward their route; any other trigger reaches a custom handler as POST /{function name}.</summary>
    private static IEnumerable<string> Routes(string path)
    {
        var trigger = JsonNode.Parse(File.ReadAllText(path))!["bindings"]!.AsArray().First(b => ((string)b!["type"]!).EndsWith("Trigger", StringComparison.Ordinal))!;
        return (string)trigger["type"]! == "httpTrigger"
            ? trigger["methods"]!.AsArray().Select(m => $"{((string)m!).ToUpperInvariant()} {(string)trigger["route"]!}")
            : [$"POST {Path.GetFileName(Path.GetDirectoryName(path))}"];
    }

    [Fact]
    public void Host_json_forwards_http_to_the_custom_handler_without_a_route_prefix()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")))!;

        Assert.True((bool)host["customHandler"]!["enableForwardingHttpRequest"]!);
        Assert.Equal("Interview.Api", (string)host["customHandler"]!["description"]!["defaultExecutablePath"]!);
        Assert.Equal("", (string)host["extensions"]!["http"]!["routePrefix"]!);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "Interview.Api.dll")));
    }
}
