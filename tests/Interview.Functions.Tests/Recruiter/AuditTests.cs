using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Interview.Functions.Tests.Evaluation;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Security;
using Interview.Functions.Http;

namespace Interview.Functions.Tests.Recruiter;

/// <summary>
/// The audit trail: each recruiter action is recorded with the signed-in person from the token (object id and name), listed newest first
/// for everything or for one interview, and the review's reviewer is that person, whatever the body says.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditTests(AzuriteFixture azurite)
{
    private const string Oid = "7e7e7e7e-0000-1111-2222-333333333333";

    [Fact]
    public async Task Every_recruiter_action_is_recorded_with_who_signed_in()
    {
        await using var provider = await LoopbackOpenIdProvider.StartAsync();
        using var app = TokenApp.Create(azurite, provider.Settings);
        var rita = app.CreateClient();
        rita.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", provider.Token(name: "Rita Recruiter", objectId: Oid));
        const string id = "audit-1";

        var join = await (await rita.PostAsync($"/manage/interviews/{id}/join-token", null)).JsonAsync();
        var candidate = app.CreateClient();
        candidate.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)join["join_token"]!);
        var start = await (await candidate.StartAsync(id)).JsonAsync();
        candidate.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)start["session_token"]!);
        await candidate.AnswerAndEndAsync(id, EvaluationApp.Strong);
        await candidate.ReportAsync(id);

        var review = await (await rita.PostAsJsonAsync($"/manage/interviews/{id}/review",
            new { decision = "advance", reviewer = "Somebody Else" })).JsonAsync();
        await (await rita.PostAsync($"/session/evaluation/{id}/rerun", null)).JsonAsync(HttpStatusCode.Accepted);
        var plan = await (await rita.GetAsync("/manage/plans/software-engineer")).JsonAsync();
        plan["id"] = "audited-plan";
        await (await rita.PostAsJsonAsync("/manage/plans", plan)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await rita.DeleteAsync($"/manage/interviews/{id}")).StatusCode);

        Assert.Equal(("Rita Recruiter", Oid),
            ((string)review["review"]!["review"]!["reviewer"]!, (string)review["review"]!["reviewed_by"]!["object_id"]!));
        var all = (await (await rita.GetAsync("/manage/audit")).JsonAsync())["items"]!.AsArray();
        Assert.Equal(["erase", "plan_save", "rerun", "review", "candidate_link"], all.Select(e => (string)e!["action"]!));
        Assert.All(all, e => Assert.Equal((Oid, "Rita Recruiter"), ((string)e!["actor"]!["object_id"]!, (string)e["actor"]!["name"]!)));
        Assert.Equal(("audited-plan", 1), ((string)all[1]!["plan_id"]!, (int)all[1]!["version"]!));
        Assert.Equal(2, (int)all[2]!["version"]!);

        // One interview's actions; the erasure's row names the interview and nothing of the candidate.
        var mine = (await (await rita.GetAsync($"/manage/audit?interview_id={id}&page_size=2")).JsonAsync());
        Assert.Equal(["erase", "rerun"], mine["items"]!.AsArray().Select(e => (string)e!["action"]!));
        var continuation = Uri.EscapeDataString((string)mine["continuation"]!);
        var rest = await (await rita.GetAsync($"/manage/audit?interview_id={id}&continuation={continuation}")).JsonAsync();
        Assert.Equal(["review", "candidate_link"], rest["items"]!.AsArray().Select(e => (string)e!["action"]!));
        Azure.Data.Tables.TableEntity? erasedRow = null;
        await foreach (var row in app.Table().QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "~audit"))
        {
            erasedRow ??= row; // newest first: the erasure
        }

        Assert.Equal("erase", erasedRow!.GetString("Action"));
        Assert.Empty(erasedRow.Keys.Except(["PartitionKey", "RowKey", "Timestamp", "odata.etag", "At", "ActorId", "ActorName", "Action",
            "InterviewId"]));
    }

    [Fact]
    public async Task The_audit_list_refuses_a_bad_query_and_answers_the_stand_in_actors()
    {
        using var app = TokenApp.Create(azurite);
        var client = app.CreateClient();

        foreach (var query in new[] { "?interview_id=bad%20id", "?page_size=0", "?page_size=x" })
        {
            await (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Get,
                $"/manage/audit{query}"))).ProblemAsync(HttpStatusCode.BadRequest);
        }

        await (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Post, "/manage/interviews/audit-admin/join-token"))).JsonAsync();
        var items = (await (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Get,
            "/manage/audit?interview_id=audit-admin"))).JsonAsync())["items"]!;
        Assert.Equal(("admin-key", "admin key", "candidate_link"),
            ((string)items[0]!["actor"]!["object_id"]!, (string)items[0]!["actor"]!["name"]!, (string)items[0]!["action"]!));

        using var open = new InterviewApp(azurite);
        var plan = await (await open.CreateClient().GetAsync("/manage/plans/software-engineer")).JsonAsync();
        plan["id"] = "audited-open";
        await (await open.CreateClient().PostAsync("/manage/plans", ApiClient.JsonContent(plan))).JsonAsync(HttpStatusCode.Created);
        var openItems = (await (await open.CreateClient().GetAsync("/manage/audit")).JsonAsync())["items"]!;
        Assert.Equal(("open", "open mode"), ((string)openItems[0]!["actor"]!["object_id"]!, (string)openItems[0]!["actor"]!["name"]!));
    }
}
