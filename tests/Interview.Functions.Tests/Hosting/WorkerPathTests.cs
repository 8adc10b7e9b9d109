using System.Net;
using Interview.Functions.Tests.Hosting.WorkerPath;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Security;

namespace Interview.Functions.Tests.Hosting;

/// <summary>
/// Requests through the worker path: the built worker (Interview.Functions.dll) started as the Functions host starts it, with
/// <see cref="FakeFunctionsHost"/> in the host's place (Core Tools cannot run here). Every request reaches the worker twice,
/// as with the real host: an InvocationRequest over gRPC and the HTTP request forwarded to the worker's own listener, which
/// the ASP.NET Core integration pairs; WorkerEdgeMiddleware and the function run in between. What it does not show: the real
/// host's routing, auth levels and proxy (YARP), its Durable extension (the engine here is in memory and runs no
/// orchestration: the evaluation is scheduled, never scored), timers, and anything of Azure itself.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WorkerPathTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task WorkerPath_serves_the_guide_flow_as_the_functions_host_drives_it()
    {
        await using var host = await FakeFunctionsHost.StartAsync(AppBuilds.FunctionApp, new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:SessionsTable"] = "workerpath",
            ["Speech:Provider"] = "none",
            // Token mode, as the infra deploys it: under the host, open mode would refuse to start (Security/OpenModeGuard).
            ["Security:Mode"] = "token", ["Security:SigningKey"] = TokenApp.SigningKey, ["Security:AdminKey"] = TokenApp.AdminKey,
        });
        using var http = host.Client();
        const string id = "worker-path-1";
        const string answer = "At my last job I led a move to a queue-based design that cut checkout failures by 90 percent.";

        Assert.Equal("rules", (string?)(await (await http.GetAsync("/health")).JsonAsync())["brain"]);
        // The host answers CORS itself but exposes no response headers: the worker adds the list the pages read.
        using var fromPages = new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { { "Origin", "https://pages.example" } } };
        var exposed = string.Join(",", (await http.SendAsync(fromPages)).Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("X-Plan-Version", exposed, StringComparison.Ordinal);
        Assert.Contains("Retry-After", exposed, StringComparison.Ordinal);

        Assert.Equal("unauthorized", (string?)(await (await http.StartAsync(id)).ProblemAsync(HttpStatusCode.Unauthorized))["code"]);
        using var issue = new HttpRequestMessage(HttpMethod.Post,
            $"/manage/interviews/{id}/join-token") { Headers = { { "X-Admin-Key", TokenApp.AdminKey } } };
        var join = (string?)(await (await http.SendAsync(issue)).JsonAsync())["join_token"];
        http.DefaultRequestHeaders.Authorization = new("Bearer", join);
        var started = await (await http.StartAsync(id, new { candidate_name = "Ada", role = "Backend Engineer" })).JsonAsync();
        http.DefaultRequestHeaders.Authorization = new("Bearer", (string?)started["session_token"]);
        Assert.Equal(id, (string?)started["session_state"]!["interview_id"]);
        Assert.Equal("Ada", (string?)started["session_state"]!["candidate_name"]);

        var turn = await (await http.AnswerAsync(id, answer, $"{id}-answer-1")).JsonAsync();
        var retried = await (await http.AnswerAsync(id, answer, $"{id}-answer-1")).JsonAsync();
        Assert.Equal(turn.WithoutTimings(), retried.WithoutTimings()); // the multipart body and the header reached the function

        // Refused by the edge before any function runs: without WorkerEdgeMiddleware the function would be reached instead.
        var badId = await (await http.GetAsync("/session/state/not*an*id")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_interview_id", (string?)badId["code"]);
        var noAnswer = new MultipartFormDataContent { { new StringContent("no answer here"), "note" } };
        Assert.Equal("missing_answer",
            (string?)(await (await http.PostTurnAsync(id, noAnswer, null)).ProblemAsync(HttpStatusCode.BadRequest))["code"]);

        var state = await (await http.GetAsync($"/session/state/{id}")).JsonAsync();
        Assert.Equal(turn["session_state"]!["conversation_history"]!.ToJsonString(), state["conversation_history"]!.ToJsonString());

        // The end goes through the [DurableClient] binding: the evaluation is scheduled in the host's task hub.
        var ended = await http.DeleteAsync($"/session/state/{id}");
        Assert.Equal("ended", (string?)(await ended.JsonAsync(HttpStatusCode.Accepted))["status"]);
        Assert.Equal($"/session/evaluation/{id}", ended.Headers.Location?.OriginalString);
        var scheduled = Assert.Single(await host.Orchestrations.GetOrchestrationStateAsync($"{id}-v1", allExecutions: false));
        Assert.Equal("EvaluationOrchestrator", scheduled.Name);
        var evaluation = await (await http.GetAsync($"/session/evaluation/{id}")).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("pending", (string?)evaluation["status"]);

        var late = await (await http.AnswerAsync(id, "One more thing.")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("session_over", (string?)late["code"]);
    }

    /// <summary>The recruiter token table of <see cref="EntraSignInTests"/>, through the worker path: the same edge decides.</summary>
    [Fact]
    public async Task WorkerPath_validates_recruiter_tokens_as_the_twin_does()
    {
        await using var provider = await LoopbackOpenIdProvider.StartAsync();
        var settings = new Dictionary<string, string>(provider.Settings)
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:SessionsTable"] = "workerpathentra",
            ["Speech:Provider"] = "none",
            ["Security:Mode"] = "token", ["Security:SigningKey"] = TokenApp.SigningKey, // no admin key: as the infra deploys it
        };
        await using var host = await FakeFunctionsHost.StartAsync(AppBuilds.FunctionApp, settings);
        using var http = host.Client();

        var cases = new (string Token, HttpStatusCode Expected)[]
        {
            (provider.Token(), HttpStatusCode.OK),
            (provider.Token(audience: "api://another-app"), HttpStatusCode.Unauthorized),
            (provider.Token(issuer: "https://login.microsoftonline.com/another-tenant/v2.0"), HttpStatusCode.Unauthorized),
            (provider.Token(expiresIn: TimeSpan.FromMinutes(-10)), HttpStatusCode.Unauthorized),
            (provider.Token(key: LoopbackOpenIdProvider.NewKey()), HttpStatusCode.Unauthorized),
            (provider.Token(roles: ["Interviews.Read"]), HttpStatusCode.Forbidden),
        };
        foreach (var (token, expected) in cases)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get,
                "/manage/interviews") { Headers = { Authorization = new("Bearer", token) } };
            using var response = await http.SendAsync(request);
            if (expected == HttpStatusCode.OK)
            {
                await response.JsonAsync();
                continue;
            }
            var problem = await response.ProblemAsync(expected);
            Assert.Equal(expected == HttpStatusCode.Forbidden ? "forbidden" : "unauthorized", (string?)problem["code"]);
        }

        using var withKey = new HttpRequestMessage(HttpMethod.Get,
            "/manage/interviews") { Headers = { { "X-Admin-Key", TokenApp.AdminKey } } };
        await (await http.SendAsync(withKey)).ProblemAsync(HttpStatusCode.Unauthorized); // no admin key configured: it opens nothing
    }
}
