using System.Net;
using Azure.Data.Tables;
using Interview.Functions.Tests.Evaluation;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Http;

namespace Interview.Functions.Tests.Recruiter;

/// <summary>GET /manage/interviews: newest first, paged, filtered, and never missing an interview that started.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InterviewListTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Interviews_are_listed_newest_first_in_pages_and_filter_by_status_and_plan()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();
        foreach (var id in new[] { "list-1", "list-2", "list-3" })
        {
            await (await client.StartAsync(id, new { candidate_name = $"Candidate {id}" })).JsonAsync();
        }

        await (await client.DeleteAsync("/session/state/list-2")).JsonAsync(HttpStatusCode.Accepted);

        var first = await client.ListAsync("?page_size=2");
        var second = await client.ListAsync($"?page_size=2&continuation={Uri.EscapeDataString((string)first["continuation"]!)}");
        var ended = await client.ListAsync("?status=ended");
        var otherPlan = await client.ListAsync("?plan_id=no-such-plan");

        Assert.Equal(["list-3", "list-2"], first["items"]!.AsArray().Select(i => (string)i!["interview_id"]!));
        Assert.Equal(["list-1"], second["items"]!.AsArray().Select(i => (string)i!["interview_id"]!));
        Assert.Null(second["continuation"]);
        Assert.Equal("Candidate list-1", (string)second["items"]![0]!["candidate_name"]!);
        Assert.Equal(("list-2", "ended"), ((string)ended["items"]![0]!["interview_id"]!, (string)ended["items"]![0]!["status"]!));
        Assert.Single(ended["items"]!.AsArray());
        Assert.Empty(otherPlan["items"]!.AsArray());
        await (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Get,
            "/manage/interviews?status=dancing"))).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_evaluated_interview_shows_its_score_and_recommendation()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();
        var report = await client.EvaluatedAsync("list-eval");

        var item = (await client.ListAsync())["items"]!.AsArray().Single(i => (string)i!["interview_id"]! == "list-eval")!;

        Assert.Equal((int)report["overall"]!["score"]!, (int)item["overall_score"]!);
        Assert.Equal((string)report["overall"]!["recommendation"]!, (string)item["recommendation"]!);
        Assert.Equal("ended", (string)item["status"]!);
    }

    [Fact]
    public async Task A_start_whose_list_entry_was_never_confirmed_is_listed_and_repaired()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();
        await (await client.StartAsync("list-repair")).JsonAsync();
        // What a process that died between the start's commit and the list's update leaves: the entry still "starting".
        var table = app.Table();
        var row = await FindAsync(table, "list-repair");
        await table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["Status"] = "starting" }, Azure.ETag.All);

        var listed = (await client.ListAsync())["items"]!.AsArray().Single(i => (string)i!["interview_id"]! == "list-repair")!;

        Assert.Equal("active", (string)listed["status"]!);
        Assert.Equal("active", (await FindAsync(table, "list-repair")).GetString("Status"));
    }

    [Fact]
    public async Task A_start_that_never_committed_is_not_listed()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();
        await (await client.StartAsync("list-real")).JsonAsync();
        var real = await FindAsync(app.Table(), "list-real");
        // The start of "list-ghost" was marked, then its commit failed an hour ago.
        await app.Table().AddEntityAsync(new TableEntity("~index", "0000000000000000001-list-ghost")
        {
            ["InterviewId"] = "list-ghost", ["Role"] = "x", ["PlanId"] = "software-engineer", ["Status"] = "starting",
            ["StartedAt"] = DateTimeOffset.UtcNow.AddHours(-1), ["LastUpdated"] = DateTimeOffset.UtcNow.AddHours(-1),
        });

        var items = (await client.ListAsync())["items"]!.AsArray().Select(i => (string)i!["interview_id"]!).ToList();

        Assert.Contains("list-real", items);
        Assert.DoesNotContain("list-ghost", items);
        Assert.NotNull(real);
    }

    private static async Task<TableEntity> FindAsync(TableClient table, string id)
    {
        var listed = TableClient.CreateQueryFilter($"PartitionKey eq {"~index"} and InterviewId eq {id}");
        await foreach (var e in table.QueryAsync<TableEntity>(listed))
        {
            return e;
        }

        throw new InvalidOperationException($"{id} has no list entry");
    }
}
