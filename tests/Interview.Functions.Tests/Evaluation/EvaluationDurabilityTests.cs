using System.Net;
using Azure.Data.Tables;
using Interview.Core.Evaluation;
using Interview.Functions.Evaluation;
using Interview.Functions.Tests.Hosting;
using Interview.Functions.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Evaluation;

/// <summary>
/// The evaluation survives what a process can suffer: a kill in the middle of scoring, a crash between the end's commit
/// and the scheduling. Standalone, on the Durable Task Azure Storage engine on Azurite, as scripts/run runs it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EvaluationDurabilityTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task App_killed_mid_evaluation_finishes_after_a_restart_without_rescoring_what_was_scored()
    {
        await using var model = await FakeHttpServer.StartAsync();
        var hang = true;
        // The model scores every competency at once, except "learning", which hangs until the process dies.
        model.Default = r => hang && ScriptedModel.IsEvaluation(r) && ScriptedModel.Competency(r) == "learning"
            ? new FakeHttpServer.Reply(200, "{}", Delay: TimeSpan.FromMinutes(10))
            : ScriptedModel.Respond(r);
        var settings = new Dictionary<string, string>(ScriptedModel.Settings(model))
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:SessionsTable"] = "durablekill",
            ["Evaluation:TaskHub"] = "durablekill",
            ["Evaluation:Evaluator"] = "model",
            ["Interviewer:CallTimeout"] = "00:05:00",
            ["Interviewer:RetryBudget"] = "00:10:00",
        };
        var dll = AppBuilds.Twin;

        var first = await AppProcess.StartAsync(dll, settings);
        using (var client = first.Client())
        {
            await (await client.StartAsync("kill-1")).JsonAsync();
            await (await client.AnswerAsync("kill-1", EvaluationApp.Strong)).JsonAsync(); // the interviewer concludes
            await client.WaitForAsync("kill-1", s => (int?)s["progress"]?["scored"] == 5, TimeSpan.FromSeconds(60));
        }

        await first.KillAsync();
        hang = false;
        await using var second = await AppProcess.StartAsync(dll, settings);
        using var restarted = second.Client();
        var report = await restarted.ReportAsync("kill-1", TimeSpan.FromSeconds(90));

        Assert.Equal(6, report["competencies"]!.AsArray().Count);
        var scored = model.Requests.Where(ScriptedModel.IsEvaluation).GroupBy(ScriptedModel.Competency).ToDictionary(g => g.Key,
            g => g.Count());
        Assert.Equal(2, scored["learning"]); // the hung call, and the one after the restart
        Assert.All(scored.Where(s => s.Key != "learning"), s => Assert.Equal(1, s.Value));
    }

    [Theory]
    [InlineData("read")]
    [InlineData("delete")]
    public async Task End_committed_but_never_scheduled_is_evaluated_on_the_next_read_or_delete(string repair)
    {
        using var app = EvaluationApp.Create(azurite);
        var client = app.CreateClient();
        await (await client.StartAsync("crash-1")).JsonAsync();
        await (await client.AnswerAsync("crash-1", EvaluationApp.Strong)).JsonAsync();
        // What a process that died right after committing the end leaves behind: the end and its version, no orchestration.
        await app.Table().UpdateEntityAsync(new TableEntity("crash-1", "h") { ["Status"] = "Ended", ["EvaluationVersion"] = 1 },
            Azure.ETag.All);
        Assert.Empty(await app.InstancesAsync("crash-1"));

        if (repair == "delete")
        {
            await (await client.DeleteAsync("/session/state/crash-1")).JsonAsync(HttpStatusCode.Accepted);
        }

        var report = await client.ReportAsync("crash-1");

        Assert.Equal(1, (int)report["version"]!);
        Assert.Equal(["crash-1-v1"], await app.InstancesAsync("crash-1"));
    }

    [Fact]
    public async Task Evaluation_that_fails_for_good_says_failed_with_the_reason()
    {
        using var app = EvaluationApp.Create(azurite, s => s.AddSingleton<ICompetencyEvaluator>(new RefusingEvaluator()));
        var client = app.CreateClient();
        await client.InterviewAndEndAsync("fail-1", EvaluationApp.Strong);

        var failed = await client.WaitForStatusAsync("fail-1", "failed");

        Assert.Contains("cannot be scored", (string)failed["reason"]!, StringComparison.Ordinal);
        Assert.Equal("fail-1-v1", (string)failed["instance_id"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/session/evaluation/fail-1")).StatusCode);
    }

    [Fact]
    public async Task Finished_history_older_than_the_retention_is_purged_and_the_report_stays()
    {
        using var app = EvaluationApp.Create(azurite, settings: new() { ["Evaluation:HistoryRetention"] = "00:00:01" });
        var client = app.CreateClient();
        await client.InterviewAndEndAsync("purge-1", EvaluationApp.Strong);
        var report = await client.ReportAsync("purge-1");
        var purge = app.Services.GetRequiredService<HistoryPurge>();
        var durable = app.Services.GetRequiredService<DurableTaskClient>();

        // The timer's own code, run until the instance is older than the retention.
        await Poll.UntilAsync(() => purge.PurgeAsync(durable, CancellationToken.None).GetAwaiter().GetResult() > 0,
            TimeSpan.FromSeconds(30), "the purge");

        Assert.Empty(await app.InstancesAsync("purge-1"));
        Assert.Equal(report.ToJsonString(), (await (await client.GetAsync("/session/evaluation/purge-1")).JsonAsync()).ToJsonString());
    }
}
