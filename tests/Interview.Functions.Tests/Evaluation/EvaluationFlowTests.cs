using System.Net;
using Interview.Core.Evaluation;
using Interview.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Evaluation;

/// <summary>Interview → end → evaluation report, through HTTP, the Durable orchestration and Table Storage on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EvaluationFlowTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Ended_interview_gets_a_report_that_cites_the_transcript()
    {
        using var app = EvaluationApp.Create(azurite);
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
    public async Task Report_endpoint_shows_progress_while_scoring_runs_and_404_before_the_end()
    {
        var gate = new GateEvaluator(hold: "learning");
        using var app = EvaluationApp.Create(azurite, s => s.AddSingleton<ICompetencyEvaluator>(gate));
        var client = app.CreateClient();

        var unknown = await (await client.GetAsync("/session/evaluation/nobody")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("not_found", (string)unknown["code"]!);
        await (await client.StartAsync("eval-2")).JsonAsync();
        var running = await (await client.GetAsync("/session/evaluation/eval-2")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("evaluation_not_started", (string)running["code"]!);
        await (await client.RerunAsync("eval-2")).ProblemAsync(HttpStatusCode.Conflict);

        await (await client.DeleteAsync("/session/state/eval-2")).JsonAsync(HttpStatusCode.Accepted);
        var progress = await client.WaitForAsync("eval-2", s => (int?)s["progress"]?["scored"] == 5);
        Assert.Equal(("running", "scoring", 6),
            ((string)progress["status"]!, (string)progress["progress"]!["step"]!, (int)progress["progress"]!["total"]!));
        Assert.Equal("eval-2-v1", (string)progress["instance_id"]!);
        Assert.NotNull((await client.GetAsync("/session/evaluation/eval-2")).Headers.RetryAfter);

        gate.Release();
        var report = await client.ReportAsync("eval-2");
        Assert.Equal(6, report["competencies"]!.AsArray().Count);
    }

    [Fact]
    public async Task Conclusion_and_two_deletes_make_one_orchestration_and_one_report()
    {
        using var app = EvaluationApp.Create(azurite);
        var client = app.CreateClient();

        await client.InterviewAndEndAsync("eval-3", EvaluationApp.Strong);
        await (await client.DeleteAsync("/session/state/eval-3")).JsonAsync(HttpStatusCode.Accepted);
        await client.ReportAsync("eval-3");

        Assert.Equal(["eval-3-v1"], await app.InstancesAsync("eval-3"));
        Assert.Equal(["v001"], await app.RowKeysAsync("eval-3", "v"));
    }

    [Fact]
    public async Task Rerun_evaluates_version_2_as_a_new_instance_and_keeps_version_1()
    {
        using var app = EvaluationApp.Create(azurite);
        var client = app.CreateClient();
        await client.InterviewAndEndAsync("eval-4", EvaluationApp.Strong);
        var first = await client.ReportAsync("eval-4");

        var rerun = await client.RerunAsync("eval-4");
        var accepted = await rerun.JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(2, (int)accepted["version"]!);
        Assert.Equal("/session/evaluation/eval-4?version=2", rerun.Headers.Location!.OriginalString);

        var latest = await client.ReportAsync("eval-4");
        Assert.Equal(2, (int)latest["version"]!);
        Assert.Equal(first["overall"]!.ToJsonString(), latest["overall"]!.ToJsonString());
        var earlier = await (await client.GetAsync("/session/evaluation/eval-4?version=1")).JsonAsync();
        Assert.Equal(1, (int)earlier["version"]!);
        Assert.Equal(["v001", "v002"], await app.RowKeysAsync("eval-4", "v"));
        Assert.Equal(["eval-4-v1", "eval-4-v2"], (await app.InstancesAsync("eval-4")).Order());
        await (await client.GetAsync("/session/evaluation/eval-4?version=3")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/session/evaluation/eval-4?version=zero")).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
