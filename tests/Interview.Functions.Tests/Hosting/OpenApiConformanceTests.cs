using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Interview.Functions.Tests.Evaluation;
using Interview.Functions.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Interview.Functions.Tests.Hosting;

/// <summary>
/// Every documented response matches its schema: the guide's flow and the recruiter's calls, with each response (successes, the
/// evaluation's 202 while it runs, problems) checked against the served document by <see cref="OpenApiConformance"/>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiConformanceTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_response_matches_the_schema_its_operation_declares()
    {
        using var app = new InterviewApp(azurite);
        var document = (await app.CreateClient().GetFromJsonAsync<JsonNode>("/openapi/v1.json"))!;
        var conformance = new OpenApiConformance(document);
        using var client = app.CreateDefaultClient(conformance);
        const string id = "contract-1";

        await client.GetAsync("/health");
        await client.GetAsync($"/session/state/{id}"); // 404 problem
        await client.StartAsync(id, new { candidate_name = "Ada" });
        await client.AnswerAsync(id, EvaluationApp.Strong);
        await client.AnswerAsync(id, "");
        await client.GetAsync($"/session/state/{id}");
        await client.AnswerAndEndAsync(id, EvaluationApp.Strong);
        await client.GetAsync($"/session/evaluation/{id}"); // 202 while it runs (pending: no progress yet)
        await client.WaitForAsync(id, body => body["progress"] is JsonObject || body["overall"] is not null);
        await client.ReportAsync(id, TimeSpan.FromSeconds(60));
        await client.GetAsync("/manage/interviews?page_size=5");
        await client.GetAsync("/manage/interviews?page_size=0"); // 400 problem
        await client.PostAsJsonAsync($"/manage/interviews/{id}/review",
            new { decision = "advance", overrides = Array.Empty<object>(), note = "Clear." });
        await client.PostAsJsonAsync($"/manage/interviews/{id}/join-token", new { }); // open mode: 409 security_open
        await client.GetAsync("/manage/plans");
        await client.GetAsync("/manage/plans/software-engineer");
        await client.PostAsJsonAsync("/manage/plans/draft", new { job_description = "Backend engineer: Kafka, Postgres, on-call." });
        await client.GetAsync("/manage/audit");
        await client.DeleteAsync($"/manage/interviews/{id}");

        output.WriteLine(string.Join("\n", conformance.Checked.Order()));
        Assert.True(conformance.Failures.Count == 0, string.Join("\n", conformance.Failures));
        Assert.Contains("GET /session/evaluation/{interview_id} 202", conformance.Checked);
        Assert.Contains("GET /session/evaluation/{interview_id} 200", conformance.Checked);
        Assert.Contains("GET /session/state/{interview_id} 404", conformance.Checked);
    }
}
