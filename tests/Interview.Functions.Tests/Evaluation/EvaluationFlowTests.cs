using System.Net;
using System.Text.Json.Nodes;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Evaluation;

/// <summary>Interview → end → evaluation report, through HTTP, the queue and Table Storage on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EvaluationFlowTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Ended_interview_gets_a_report_that_cites_the_transcript()
    {
        using var app = EvaluationApp.Create(azurite, listener: true);
        var client = app.CreateClient();

        var ended = await client.InterviewAndEndAsync("eval-1", EvaluationApp.Strong);
        Assert.Equal(HttpStatusCode.Accepted, ended.StatusCode);
        Assert.Equal("/session/evaluation/eval-1", ended.Headers.Location!.OriginalString);

        var report = await client.ReportAsync("eval-1");
        Assert.Equal("eval-1", (string)report["interview_id"]!);
        Assert.Equal("completed", (string)report["status"]!);
        Assert.Equal(1, (int)report["version"]!);
        Assert.InRange((int)report["overall"]!["score"]!, 4, 5);
        Assert.Contains((string)report["overall"]!["recommendation"]!, new[] { "yes", "strong_yes" });
        Assert.Equal("rules", (string)report["evaluator"]!);
        Assert.False(string.IsNullOrEmpty((string)report["rubric_version"]!));
        Assert.False(string.IsNullOrEmpty((string)report["prompt_version"]!));
        Assert.NotNull(report["created_at"]);
        Assert.NotEmpty(report["strengths"]!.AsArray());
        var competencies = report["competencies"]!.AsArray();
        Assert.Equal(6, competencies.Count);

        var transcript = (await client.StateOrNullAsync("eval-1"))!["conversation_history"]!.AsArray();
        var citations = competencies.SelectMany(c => c!["evidence"]!.AsArray()).ToList();
        Assert.NotEmpty(citations);
        Assert.All(citations, c =>
        {
            var turn = transcript[(int)c!["turn"]!]!;
            Assert.Equal("candidate", (string)turn["role"]!);
            Assert.Contains((string)c["quote"]!, (string)turn["content"]!, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Report_endpoint_says_pending_until_done_and_404_for_unknown_or_running_interviews()
    {
        using var app = EvaluationApp.Create(azurite, listener: false);
        var client = app.CreateClient();

        var unknown = await (await client.GetAsync("/session/evaluation/nobody")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("not_found", (string)unknown["code"]!);
        await (await client.StartAsync("eval-2")).JsonAsync();
        var running = await (await client.GetAsync("/session/evaluation/eval-2")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("evaluation_not_started", (string)running["code"]!);
        await (await client.RerunAsync("eval-2")).ProblemAsync(HttpStatusCode.Conflict);

        await (await client.DeleteAsync("/session/state/eval-2")).JsonAsync(HttpStatusCode.Accepted);
        var pending = await client.GetAsync("/session/evaluation/eval-2");
        var status = await pending.JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("pending", (string)status["status"]!);
        Assert.NotNull(pending.Headers.RetryAfter);
    }

    [Fact]
    public async Task Conclusion_and_delete_enqueue_exactly_one_evaluation()
    {
        using var app = EvaluationApp.Create(azurite, listener: false);
        var client = app.CreateClient();

        await client.InterviewAndEndAsync("eval-3", EvaluationApp.Strong);
        await (await client.DeleteAsync("/session/state/eval-3")).JsonAsync(HttpStatusCode.Accepted);

        var messages = (await app.Queue().PeekMessagesAsync(32)).Value;
        var message = JsonNode.Parse(Assert.Single(messages).Body.ToString())!;
        Assert.Equal("eval-3", (string)message["interview_id"]!);
        Assert.Equal(1, (int)message["version"]!);
    }

    [Fact]
    public async Task Rerun_writes_a_new_version_and_keeps_the_earlier_one()
    {
        using var app = EvaluationApp.Create(azurite, listener: true);
        var client = app.CreateClient();
        await client.InterviewAndEndAsync("eval-4", EvaluationApp.Strong);
        var first = await client.ReportAsync("eval-4");

        var rerun = await client.RerunAsync("eval-4");
        var accepted = await rerun.JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(2, (int)accepted["version"]!);
        Assert.Equal("/session/evaluation/eval-4", rerun.Headers.Location!.OriginalString);

        // The latest version is pending now, so the endpoint answers 202 until version 2 is done.
        var latest = await client.ReportAsync("eval-4");
        Assert.Equal(2, (int)latest["version"]!);
        Assert.Equal(first["overall"]!.ToJsonString(), latest["overall"]!.ToJsonString());
        Assert.Equal(["v001", "v002"], (await app.RowKeysAsync("eval-4", "v")).Where(k => !k.Contains('.', StringComparison.Ordinal)));
    }
}
