using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Webhooks;

/// <summary>
/// A delivery lives in the Durable engine's history, not in the process: a killed app's retries carry on after a restart.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebhookDurabilityTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_delivery_failing_when_the_app_is_killed_is_delivered_with_its_id_after_the_restart()
    {
        await using var tracker = await WebhookReceiver.StartAsync();
        var failing = true;
        tracker.Server.Default = _ => new FakeHttpServer.Reply(failing ? 500 : 204, "");
        var settings = new Dictionary<string, string>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:SessionsTable"] = "hookkill",
            ["Evaluation:TaskHub"] = "hookkill",
            ["Webhooks:RetrySchedule"] = "2,2,2,2,2",
        };

        var first = await AppProcess.StartAsync(AppBuilds.Twin, settings);
        using (var client = first.Client())
        {
            await tracker.SubscribeAsync(client, "interview.started");
            await (await client.StartAsync("kill-hook")).JsonAsync();
            await tracker.WaitForAsync("interview.started", "kill-hook");
        }

        await first.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        failing = false;
        await using var second = await AppProcess.StartAsync(AppBuilds.Twin, settings);

        var messages = await Poll.UntilAsync(() => Task.FromResult(tracker.Messages),
            all => all.Any(m => m.At > killedAt), TimeSpan.FromSeconds(60), all => $"{all.Count} messages, none after the restart");
        Assert.Single(messages.Select(m => m.Id).Distinct());
        Assert.All(messages, m => Assert.True(m.Verified));
        using var restarted = second.Client();
        var log = await Poll.UntilAsync(() => WebhookReceiver.DeliveriesAsync(restarted, tracker.Id),
            l => (string?)l["items"]![0]!["state"] == "delivered", TimeSpan.FromSeconds(10), l => l.ToJsonString());
        Assert.Equal(204, (int)log["items"]![0]!["last_status"]!);
    }
}
