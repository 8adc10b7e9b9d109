using System.Net;
using Interview.Functions.Tests.Evaluation;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Recruiter;

namespace Interview.Functions.Tests.Webhooks;

/// <summary>
/// Signed webhooks through the real pipeline and the twin's Durable engine on Azurite, to a receiver on loopback: every event of
/// an interview's life, redelivery with the same id, the delivery log, replay.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebhookDeliveryTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string> FastRetries = new() { ["Webhooks:RetrySchedule"] = "1,1" };

    private static readonly string[] Every =
        ["interview.started", "interview.ended", "evaluation.completed", "review.recorded", "interview.erased", "alternative.requested"];

    [Fact]
    public async Task Every_event_of_an_interview_arrives_signed_with_ids_and_no_transcript()
    {
        using var app = new InterviewApp(azurite, settings: FastRetries);
        var client = app.CreateClient();
        await using var tracker = await WebhookReceiver.StartAsync();
        await tracker.SubscribeAsync(client, Every);

        await (await client.StartAsync("hook-life", new { candidate_name = "Ada Lovelace" })).JsonAsync();
        await client.AnswerAndEndAsync("hook-life", EvaluationApp.Strong);
        await client.ReportAsync("hook-life");
        await (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Post, "/manage/interviews/hook-life/review",
            new { decision = "advance" }))).JsonAsync();
        Assert.Equal(HttpStatusCode.NoContent,
            (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Delete, "/manage/interviews/hook-life"))).StatusCode);

        foreach (var type in Every[..5])
        {
            await tracker.WaitForAsync(type, "hook-life");
        }

        var messages = tracker.Messages;
        Assert.All(messages, m => Assert.True(m.Verified, $"{m.Type} did not verify"));
        Assert.Equal(messages.Count, messages.Select(m => m.Id).Distinct().Count());
        Assert.All(messages, m => Assert.DoesNotContain("Ada", m.Body, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.DoesNotContain("payments API", m.Body, StringComparison.Ordinal));
        var completed = messages.Single(m => m.Type == "evaluation.completed").Json["data"]!;
        Assert.Equal((1, true), ((int)completed["version"]!, ((string)completed["recommendation"]!).Length > 0));
        Assert.Equal("advance", (string)messages.Single(m => m.Type == "review.recorded").Json["data"]!["decision"]!);
        Assert.Equal("concluded", (string)messages.Single(m => m.Type == "interview.ended").Json["data"]!["status"]!);
    }

    [Fact]
    public async Task A_receiver_that_fails_gets_the_same_message_again_until_it_answers()
    {
        using var app = new InterviewApp(azurite, settings: FastRetries);
        var client = app.CreateClient();
        await using var tracker = await WebhookReceiver.StartAsync();
        tracker.Server.Enqueue(new FakeHttpServer.Reply(500, "{}"), new FakeHttpServer.Reply(503, "{}"));
        await tracker.SubscribeAsync(client, "interview.started");

        await (await client.StartAsync("hook-retry")).JsonAsync();

        var attempts = await tracker.WaitForAsync("interview.started", "hook-retry", times: 3);
        Assert.Single(attempts.Select(m => m.Id).Distinct());
        Assert.All(attempts, m => Assert.True(m.Verified));
        var log = await Poll.UntilAsync(() => WebhookReceiver.DeliveriesAsync(client, tracker.Id),
            l => (string?)l["items"]![0]!["state"] == "delivered", TimeSpan.FromSeconds(10), l => l.ToJsonString());
        var delivery = log["items"]!.AsArray().Single()!;
        Assert.Equal((attempts[0].Id, 3, 204), ((string)delivery["id"]!, (int)delivery["attempts"]!, (int)delivery["last_status"]!));
    }

    [Fact]
    public async Task A_delivery_that_ran_out_of_retries_is_failed_and_a_replay_sends_it_with_its_id()
    {
        using var app = new InterviewApp(azurite, settings: FastRetries);
        var client = app.CreateClient();
        await using var tracker = await WebhookReceiver.StartAsync();
        tracker.Server.Enqueue(Enumerable.Repeat(new FakeHttpServer.Reply(500, "{}"), 3).ToArray());
        await tracker.SubscribeAsync(client, "interview.started");
        await (await client.StartAsync("hook-replay")).JsonAsync();

        var failed = await Poll.UntilAsync(() => WebhookReceiver.DeliveriesAsync(client, tracker.Id),
            l => (string?)l["items"]?[0]?["state"] == "failed", TimeSpan.FromSeconds(30), l => l.ToJsonString());
        var id = (string)failed["items"]![0]!["id"]!;
        Assert.Equal((3, "HTTP 500"), ((int)failed["items"]![0]!["attempts"]!, (string)failed["items"]![0]!["last_error"]!));

        var replay = await client.SendAsync(RecruiterApp.Admin(HttpMethod.Post, $"/manage/webhooks/{tracker.Id}/deliveries/{id}/replay"));
        Assert.Equal("pending", (string)(await replay.JsonAsync(HttpStatusCode.Accepted))["state"]!);

        var all = await tracker.WaitForAsync("interview.started", "hook-replay", times: 4);
        Assert.All(all, m => Assert.Equal(id, m.Id));
        await Poll.UntilAsync(() => WebhookReceiver.DeliveriesAsync(client, tracker.Id),
            l => (string?)l["items"]![0]!["state"] == "delivered" && (int?)l["items"]![0]!["attempts"] == 4, TimeSpan.FromSeconds(10),
            l => l.ToJsonString());
    }

    [Fact]
    public async Task Only_subscribed_events_are_sent_a_repeated_end_sends_one_and_an_unsubscribed_url_gets_nothing_more()
    {
        using var app = new InterviewApp(azurite, settings: FastRetries);
        var client = app.CreateClient();
        await using var tracker = await WebhookReceiver.StartAsync();
        await tracker.SubscribeAsync(client, "interview.ended");

        await (await client.StartAsync("hook-only")).JsonAsync();
        await client.DeleteAsync("/session/state/hook-only");
        await client.DeleteAsync("/session/state/hook-only");
        await tracker.WaitForAsync("interview.ended", "hook-only");
        Assert.Equal(HttpStatusCode.NoContent,
            (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Delete, $"/manage/webhooks/{tracker.Id}"))).StatusCode);
        await (await client.StartAsync("hook-after")).JsonAsync();
        await client.DeleteAsync("/session/state/hook-after");

        var listed = await (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Get, "/manage/webhooks"))).JsonAsync();
        Assert.Empty(listed["items"]!.AsArray());
        Assert.Equal(["interview.ended"], tracker.Messages.Select(m => m.Type));
        var gone = await client.SendAsync(RecruiterApp.Admin(HttpMethod.Get, $"/manage/webhooks/{tracker.Id}/deliveries"));
        Assert.Equal("webhook_not_found", (string)(await gone.ProblemAsync(HttpStatusCode.NotFound))["code"]!);
    }

    [Theory]
    [InlineData("""{"url": "http://example.com/hook", "events": ["interview.ended"]}""", "url")]
    [InlineData("""{"url": "https://user:pw@example.com/hook", "events": ["interview.ended"]}""", "url")]
    [InlineData("""{"url": "https://example.com/hook", "events": []}""", "events")]
    [InlineData("""{"url": "https://example.com/hook", "events": ["interview.hired"]}""", "events")]
    [InlineData("""{"events": ["interview.ended"]}""", "url")]
    public async Task A_bad_subscription_is_refused_with_every_problem_and_nothing_is_saved(string body, string field)
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();

        var refused = await client.PostAsync("/manage/webhooks", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await refused.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_field", (string)problem["code"]!);
        Assert.Contains(problem["errors"]!.AsArray(), e => ((string)e!).StartsWith(field, StringComparison.Ordinal));
        Assert.Empty((await (await client.GetAsync("/manage/webhooks")).JsonAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_lists_never_show_it()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();
        await using var tracker = await WebhookReceiver.StartAsync();

        var created = await tracker.SubscribeAsync(client, "interview.started", "interview.started");

        Assert.StartsWith("whsec_", (string)created["secret"]!, StringComparison.Ordinal);
        Assert.Equal(["interview.started"], created["events"]!.AsArray().Select(e => (string)e!));
        var listed = (await (await client.GetAsync("/manage/webhooks")).JsonAsync())["items"]!.AsArray().Single()!;
        Assert.Equal(tracker.Id, (string)listed["id"]!);
        Assert.Null(listed["secret"]);
    }
}
