using System.Net;
using System.Net.Http.Json;
using System.Text;
using Azure.Data.Tables;
using Interview.Functions.Tests.Evaluation;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Recruiter;
using Interview.Functions.Tests.Webhooks;

namespace Interview.Functions.Tests.Candidates;

/// <summary>
/// What a candidate tells for the adverse-impact report stays apart: a test searches every prompt the model got, the state,
/// the transcript, the report, the list, the interview's rows and every webhook for it; the report counts it; erasure removes it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DemographicsTests(AzuriteFixture azurite)
{
    private const string Race = "native_hawaiian_or_other_pacific_islander";

    [Fact]
    public async Task Demographics_reach_the_audit_and_nothing_else_and_are_erased_with_the_interview()
    {
        await using var model = await FakeHttpServer.StartAsync();
        model.Default = r => ScriptedModel.Respond(r);
        using var app = new InterviewApp(azurite, settings: new Dictionary<string, string>(ScriptedModel.Settings(model))
        {
            ["Evaluation:Evaluator"] = "model",
            ["Webhooks:RetrySchedule"] = "1",
        });
        var client = app.CreateClient();
        await using var tracker = await WebhookReceiver.StartAsync();
        await tracker.SubscribeAsync(client, "interview.started", "interview.ended", "evaluation.completed", "review.recorded");

        await (await client.StartAsync("demo-1")).JsonAsync();
        var told = await client.PostAsJsonAsync("/session/demographics/demo-1", new { sex = "female", race_ethnicity = Race });
        Assert.Equal(HttpStatusCode.NoContent, told.StatusCode);
        await client.AnswerAndEndAsync("demo-1", EvaluationApp.Strong);
        var report = await client.ReportAsync("demo-1");
        await (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Post, "/manage/interviews/demo-1/review",
            new { decision = "advance" }))).JsonAsync();
        await tracker.WaitForAsync("review.recorded", "demo-1");

        var everywhere = new StringBuilder()
            .AppendJoin('\n', model.Requests.Select(r => Encoding.UTF8.GetString(r.RawBody)))
            .Append(report.ToJsonString())
            .Append(await client.GetStringAsync("/session/state/demo-1"))
            .Append(await client.GetStringAsync("/session/evaluation/demo-1"))
            .Append(await client.GetStringAsync("/manage/interviews"))
            .AppendJoin('\n', tracker.Messages.Select(m => m.Body))
            .Append(await RowsAsync(app, "demo-1"));
        Assert.True(model.Requests.Count > 3, "the model interviewed and evaluated");
        Assert.DoesNotContain("pacific", everywhere.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("female", everywhere.ToString(), StringComparison.OrdinalIgnoreCase);

        var impact = await (await client.GetAsync("/manage/adverse-impact")).JsonAsync();
        var row = impact["race_ethnicity"]!.AsArray().Single(r => (string)r!["category"]! == Race)!;
        Assert.Equal((1, 1, 1.0), ((int)row["candidates"]!, (int)row["advanced"]!, (double)row["selection_rate"]!));
        var csv = await client.GetStringAsync("/manage/adverse-impact?format=csv");
        Assert.Contains($"race_ethnicity,{Race},1,1,1,", csv, StringComparison.Ordinal);

        await client.DeleteAsync("/manage/interviews/demo-1");
        var after = await (await client.GetAsync("/manage/adverse-impact")).JsonAsync();
        Assert.Equal((0, 0), ((int)after["candidates"]!, after["sex"]!.AsArray().Sum(r => (int)r!["candidates"]!)));
        Assert.DoesNotContain("demo-1", await RowsAsync(app, "~demographics"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"sex": "woman", "race_ethnicity": "white"}""")]
    [InlineData("""{"sex": "female"}""")]
    public async Task A_category_not_on_the_list_is_refused_and_nothing_is_kept(string body)
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();
        await (await client.StartAsync("demo-2")).JsonAsync();

        var refused = await client.PostAsync("/session/demographics/demo-2", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal("invalid_field", (string)(await refused.ProblemAsync(HttpStatusCode.BadRequest))["code"]!);
        Assert.Equal("", await RowsAsync(app, "~demographics"));
    }

    [Fact]
    public async Task Answering_needs_a_started_interview()
    {
        using var app = new InterviewApp(azurite);

        var refused = await app.CreateClient().PostAsJsonAsync("/session/demographics/demo-none", new { sex = "male",
            race_ethnicity = "asian" });

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    /// <summary>Every property of every row of a partition, as text.</summary>
    private static async Task<string> RowsAsync(InterviewApp app, string partition)
    {
        var text = new StringBuilder();
        await foreach (var row in app.Table().QueryAsync<TableEntity>(e => e.PartitionKey == partition))
        {
            text.AppendJoin(';', row.Select(p => $"{p.Key}={p.Value}")).Append('\n');
        }

        return text.ToString();
    }
}
