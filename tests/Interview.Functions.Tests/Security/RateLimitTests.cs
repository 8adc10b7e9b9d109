using System.Net;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Security;

[Collection(AzuriteCollection.Name)]
public sealed class RateLimitTests(AzuriteFixture azurite)
{
    private const string Answer = "At my last job I cut latency by 40 percent with a cache in front of the database.";

    [Fact]
    public async Task Turns_over_the_per_interview_limit_get_429_with_retry_after_and_other_interviews_go_on()
    {
        using var app = new InterviewApp(azurite, settings: new Dictionary<string,
            string> { ["Security:RateLimit:TurnsPerMinutePerInterview"] = "3" });
        var client = app.CreateClient();
        await (await client.StartAsync("rl-1")).JsonAsync();
        await (await client.StartAsync("rl-2")).JsonAsync();
        for (var i = 0; i < 3; i++)
        {
            await (await client.AnswerAsync("rl-1", Answer)).JsonAsync();
        }

        var limited = await client.AnswerAsync("rl-1", Answer);

        var problem = await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("rate_limited", (string)problem["code"]!);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal(7, (await client.StateOrNullAsync("rl-1"))!["conversation_history"]!.AsArray().Count);
        await (await client.AnswerAsync("rl-2", Answer)).JsonAsync();
    }

    [Fact]
    public async Task A_flood_without_the_token_cannot_spend_the_candidates_turn_budget()
    {
        using var app = TokenApp.Create(azurite, new() { ["Security:RateLimit:TurnsPerMinutePerInterview"] = "3" });
        var (candidate, _) = await app.CandidateAsync("rl-flood");
        var attacker = app.CreateClient(); // knows the interview id, not the token

        for (var i = 0; i < 40; i++)
        {
            await (await attacker.AnswerAsync("rl-flood", "spam")).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        for (var i = 0; i < 3; i++)
        {
            await (await candidate.AnswerAsync("rl-flood", Answer)).JsonAsync(); // the candidate's whole budget is still there
        }

        await (await candidate.AnswerAsync("rl-flood", Answer)).ProblemAsync(HttpStatusCode.TooManyRequests); // and it is still a limit
    }

    [Fact]
    public async Task Requests_over_the_per_client_limit_get_429()
    {
        using var app = new InterviewApp(azurite, settings: new Dictionary<string,
            string> { ["Security:RateLimit:RequestsPerMinutePerClient"] = "5" });
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        }

        await (await client.GetAsync("/health")).ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Limits_can_be_switched_off()
    {
        using var app = new InterviewApp(azurite, settings: new Dictionary<string, string>
        {
            ["Security:RateLimit:Enabled"] = "false",
            ["Security:RateLimit:RequestsPerMinutePerClient"] = "1",
        });
        var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        }
    }
}
