using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Recruiter;
using Interview.Functions.Tests.Security;
using Interview.Functions.Tests.Webhooks;

namespace Interview.Functions.Tests.Candidates;

/// <summary>The candidate's notice and the request for another way to interview, through the real pipeline on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NoticeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task In_token_mode_the_notice_is_the_links_plan_with_its_competencies_and_the_retention()
    {
        using var app = TokenApp.Create(azurite, new() { ["Retention:Days"] = "30" });
        var client = app.CreateClient();
        var join = await (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Post, "/manage/interviews/notice-t/join-token",
            new { plan_id = "software-engineer" }))).JsonAsync();
        using var candidate = app.CreateClient();
        candidate.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)join["join_token"]!);

        var notice = await (await candidate.GetAsync("/session/notice/notice-t?plan_id=another-plan")).JsonAsync();

        Assert.Equal(("software-engineer", true, true, 30), ((string)notice["plan_id"]!, (bool)notice["ai_conducted"]!,
            (bool)notice["ai_scored"]!, (int)notice["retention_days"]!));
        Assert.NotEmpty(notice["competencies"]!.AsArray());
        Assert.All(notice["competencies"]!.AsArray(), c => Assert.False(string.IsNullOrEmpty((string?)c!["description"])));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/session/notice/notice-t")).StatusCode);
    }

    [Fact]
    public async Task A_request_for_another_way_is_kept_once_listed_for_recruiters_sent_to_trackers_and_erased_with_the_interview()
    {
        using var app = new InterviewApp(azurite, settings: new Dictionary<string, string> { ["Webhooks:RetrySchedule"] = "1" });
        var client = app.CreateClient();
        await using var tracker = await WebhookReceiver.StartAsync();
        await tracker.SubscribeAsync(client, "alternative.requested");

        var first = await (await client.PostAsJsonAsync("/session/alternative/alt-1", new { note = "A phone call, please." }))
            .JsonAsync(HttpStatusCode.Accepted);
        var again = await (await client.PostAsync("/session/alternative/alt-1", null)).JsonAsync(HttpStatusCode.Accepted);

        Assert.Equal((string)first["requested_at"]!, (string)again["requested_at"]!);
        var listed = await (await client.GetAsync("/manage/alternatives")).JsonAsync();
        var request = listed["items"]!.AsArray().Single()!;
        Assert.Equal(("alt-1", "A phone call, please."), ((string)request["interview_id"]!, (string)request["note"]!));
        Assert.NotNull((await (await client.GetAsync("/session/notice/alt-1")).JsonAsync())["alternative_requested_at"]);
        await tracker.WaitForAsync("alternative.requested", "alt-1");

        await client.DeleteAsync("/manage/interviews/alt-1");
        Assert.Empty((await (await client.GetAsync("/manage/alternatives")).JsonAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task A_note_too_long_or_an_unknown_plan_is_refused_and_nothing_is_kept()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();

        var tooLong = await client.PostAsJsonAsync("/session/alternative/alt-2", new { note = new string('x', 2001) });
        var unknown = await client.PostAsync("/session/alternative/alt-2?plan_id=no-such-plan", null);

        Assert.Equal("invalid_field", (string)(await tooLong.ProblemAsync(HttpStatusCode.BadRequest))["code"]!);
        Assert.Equal("plan_not_found", (string)(await unknown.ProblemAsync(HttpStatusCode.NotFound))["code"]!);
        Assert.Empty((await (await client.GetAsync("/manage/alternatives")).JsonAsync())["items"]!.AsArray());
    }
}
