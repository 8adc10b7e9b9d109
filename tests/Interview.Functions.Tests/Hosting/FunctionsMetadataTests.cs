using System.Text.Json.Nodes;
using Interview.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Interview.Functions.Http;

namespace Interview.Functions.Tests.Hosting;

/// <summary>
/// The Functions host routes only what the SDK wrote into functions.metadata at build. Every HTTP function there must be
/// what the standalone app maps (route, methods, auth level), and back, or an endpoint silently differs in Azure.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionsMetadataTests(AzuriteFixture azurite)
{
    [Fact]
    public void Every_http_function_in_functions_metadata_is_mapped_standalone_with_the_same_route_methods_and_auth_level()
    {
        using var app = new InterviewApp(azurite);
        _ = app.Server;
        var standalone = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m =>
                $"{e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName} {m} {e.RoutePattern.RawText} " +
                    $"{HttpFunctions.Find(e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName)!.AuthLevel}"))
            .Order().ToList();

        var declared = FunctionsMetadata.Read()
            .Select(f => (Name: (string)f["name"]!, Trigger: FunctionsMetadata.Trigger(f)))
            .Where(f => (string)f.Trigger["type"]! == "httpTrigger")
            .SelectMany(f => f.Trigger["methods"]!.AsArray().Select(m
                => $"{f.Name} {((string)m!).ToUpperInvariant()} {(string)f.Trigger["route"]!} {(string)f.Trigger["authLevel"]!}"))
            .Order().ToList();

        Assert.Equal(31, declared.Count);
        Assert.Equal(declared, standalone);
        Assert.Contains("IssueJoinToken POST manage/interviews/{interview_id}/join-token Anonymous", declared);
    }

    [Fact]
    public void The_evaluation_and_webhook_orchestrations_their_activities_and_the_purge_timer_are_functions()
    {
        var triggers = FunctionsMetadata.Read().ToDictionary(f => (string)f["name"]!, f => (string)FunctionsMetadata.Trigger(f)["type"]!);

        Assert.Equal(["orchestrationTrigger"],
            new[] { "EvaluationOrchestrator", "DeliveryOrchestrator" }.Select(n => triggers[n]).Distinct());
        Assert.Equal(["activityTrigger"], new[] { "LoadInterviewActivity", "ScoreCompetencyActivity", "StoreReportActivity",
            "SendWebhookActivity" }.Select(n => triggers[n]).Distinct());
        Assert.Equal("timerTrigger", triggers["PurgeEvaluationHistory"]);
        // The functions that end an interview, read its evaluation or publish an event get the Durable client from the host.
        var withClient = FunctionsMetadata.Read().Where(f
            => f["bindings"]!.AsArray().Any(b => (string)b!["type"]! == "durableClient")).Select(f => (string)f["name"]!);
        Assert.Equal(["EndSession", "EraseExpiredInterviews", "EraseInterview", "FinishErasures", "GetEvaluation", "ProcessTurn",
            "PurgeEvaluationHistory", "ReplayWebhookDelivery", "RequestAlternative", "RerunEvaluation", "ReviewInterview", "StartSession",
            "StoreReportActivity"],
            withClient.Order());
    }

    [Fact]
    public void Host_json_and_the_standalone_engine_name_the_same_task_hub()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(AzuriteFixture.RepoRoot(), "host.json")))!;

        Assert.Equal(Interview.Functions.Evaluation.EvaluationOptions.DefaultTaskHub,
            (string)host["extensions"]!["durableTask"]!["hubName"]!);
        Assert.Equal(new Interview.Functions.Evaluation.EvaluationOptions().TaskHub,
            (string)host["extensions"]!["durableTask"]!["hubName"]!);
    }

    [Fact]
    public void Host_json_serves_routes_without_a_prefix_and_has_no_custom_handler()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(AzuriteFixture.RepoRoot(), "host.json")))!;

        Assert.Equal("", (string)host["extensions"]!["http"]!["routePrefix"]!);
        Assert.Null(host["customHandler"]);
        Assert.Null(host["extensionBundle"]);
    }

    [Fact]
    public void Worker_config_starts_the_isolated_worker_with_worker_indexing()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(FunctionsMetadata.BuildOutput, "worker.config.json")))!["description"]!;

        Assert.Equal("dotnet-isolated", (string)config["language"]!);
        Assert.Equal("Interview.Functions.dll", (string)config["defaultWorkerPath"]!);
        Assert.Equal("true", (string)config["workerIndexing"]!);
    }
}

/// <summary>functions.metadata as the Functions SDK wrote it into the app's build output.</summary>
internal static class FunctionsMetadata
{
    /// <summary>The app's build output for the configuration these tests were built in.</summary>
    public static string BuildOutput => AppBuilds.FunctionApp;

    public static IReadOnlyList<JsonNode> Read(string? folder = null) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(folder ?? BuildOutput, "functions.metadata")))!.AsArray().Select(f => f!).ToList();

    public static JsonNode Trigger(JsonNode function) =>
        function["bindings"]!.AsArray().First(b => ((string)b!["type"]!).EndsWith("Trigger", StringComparison.Ordinal))!;
}
