using System.Net;
using System.Text.Json.Nodes;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Recruiter;

namespace Interview.Functions.Tests.Plans;

/// <summary>Plans as data: saved in the built-in plans' shape, validated all at once, versioned, and pinned by interviews.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlanTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_built_in_plan_edited_and_saved_under_a_new_id_is_listed_read_back_and_versioned()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();
        var plan = await client.BuiltInCopyAsync("plan-edit");
        plan["role"] = "Backend Engineer";

        var created = await client.SavePlanAsync(plan);
        var saved = await created.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("plan-edit", 1), ((string)saved["plan_id"]!, (int)saved["version"]!));
        Assert.Equal("/manage/plans/plan-edit?version=1", created.Headers.Location!.OriginalString);

        plan["role"] = "Platform Engineer";
        Assert.Equal(2, await client.SavedVersionAsync(plan));

        var latest = await client.GetPlanAsync("plan-edit");
        Assert.Equal("2", latest.Headers.GetValues("X-Plan-Version").Single());
        Assert.Equal("Platform Engineer", (string)(await latest.JsonAsync())["role"]!);
        Assert.Equal("Backend Engineer", (string)(await (await client.GetPlanAsync("plan-edit", "?version=1")).JsonAsync())["role"]!);
        var list = (await (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Get, "/manage/plans"))).JsonAsync())["items"]!.AsArray();
        Assert.Contains(list, p => (string)p!["plan_id"]! == "software-engineer" && (string)p["source"]! == "built_in");
        Assert.Contains(list, p => (string)p!["plan_id"]! == "plan-edit" && (string)p["source"]! == "stored"
            && (int)p["latest_version"]! == 2);
    }

    [Fact]
    public async Task What_get_returns_is_exactly_what_post_takes()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();
        var plan = await client.BuiltInCopyAsync("plan-roundtrip");
        plan["about"] = new JsonObject { ["role"] = null, ["team"] = "Four engineers.", ["process"] = null, ["next_steps"] = null,
            ["location"] = "Remote in Europe." };
        plan["silence_seconds"] = 5;
        await client.SavedVersionAsync(plan);

        var back = await (await client.GetPlanAsync("plan-roundtrip")).JsonAsync();

        Assert.True(JsonNode.DeepEquals(plan, back), back.ToJsonString());
    }

    [Fact]
    public async Task An_invalid_plan_is_refused_with_every_problem_listed_and_nothing_is_saved()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();
        var plan = await client.BuiltInCopyAsync("plan-bad");
        plan["max_questions"] = 0;
        plan["silence_seconds"] = 1;
        plan["role"] = "";
        plan["phases"]![1]!["questions"]![0]!["competency"] = "juggling";

        var problem = await (await client.SavePlanAsync(plan)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("invalid_plan", (string)problem["code"]!);
        var errors = problem["errors"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Contains(errors, e => e.Contains("max_questions", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("silence_seconds", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("role is empty", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("juggling", StringComparison.Ordinal));
        Assert.Equal("plan_not_found",
            (string)(await (await client.GetPlanAsync("plan-bad")).ProblemAsync(HttpStatusCode.NotFound))["code"]!);
    }

    [Fact]
    public async Task A_body_that_is_not_a_plan_says_which_properties_are_missing()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();

        var problem = await (await client.SavePlanAsync(new JsonObject { ["id"] = "plan-half",
            ["role"] = "Tester" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("invalid_plan", (string)problem["code"]!);
        var error = (string)problem["errors"]![0]!;
        Assert.Contains("'phases'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Interview.Core", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_built_in_id_cannot_be_overwritten()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();

        var copy = await client.BuiltInCopyAsync("software-engineer");
        var problem = await (await client.SavePlanAsync(copy)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("plan_id_reserved", (string)problem["code"]!);
    }

    [Theory]
    [InlineData("no-such-plan", "", HttpStatusCode.NotFound, "plan_not_found")]
    [InlineData("software-engineer", "?version=3", HttpStatusCode.NotFound, "plan_not_found")]
    [InlineData("software-engineer", "?version=latest", HttpStatusCode.BadRequest, "invalid_field")]
    [InlineData("Not_A_Plan_Id", "", HttpStatusCode.NotFound, "plan_not_found")]
    public async Task Reading_a_plan_or_version_that_does_not_exist_is_refused(string id, string query, HttpStatusCode status, string code)
    {
        using var app = new InterviewApp(azurite);

        var problem = await (await app.CreateClient().GetPlanAsync(id, query)).ProblemAsync(status);

        Assert.Equal(code, (string)problem["code"]!);
    }

    [Fact]
    public async Task An_interview_keeps_the_plan_version_it_started_with_when_the_plan_is_edited()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();
        var plan = await client.BuiltInCopyAsync("plan-pinned");
        plan["phases"]![0]!["questions"]![1]!["text"] = "Version one: what draws you to this role?";
        await client.SavedVersionAsync(plan);
        var started = await (await client.StartAsync("pin-1", new { plan_id = "plan-pinned" })).JsonAsync();
        Assert.Equal(1, (int)started["session_state"]!["plan_version"]!);

        plan["phases"]![0]!["questions"]![1]!["text"] = "Version two: why this role?";
        await client.SavedVersionAsync(plan);
        var turn = await (await client.AnswerAsync("pin-1", "At my last job I led the move of our billing service onto a queue, which " +
            "cut p99 latency from 900 to 120 milliseconds.")).JsonAsync();

        Assert.Contains("Version one", (string)turn["interviewer_response"]!["text"]!, StringComparison.Ordinal);
        var later = await (await client.StartAsync("pin-2", new { plan_id = "plan-pinned" })).JsonAsync();
        Assert.Equal(2, (int)later["session_state"]!["plan_version"]!);
    }
}
