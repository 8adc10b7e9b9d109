using System.Net;
using Interview.Functions.Tests.Infrastructure;
using Interview.Core.Agent;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Sessions;

[Collection(AzuriteCollection.Name)]
public sealed class ConcurrencyAndIdempotencyTests(AzuriteFixture azurite)
{
    private const string Answer = "At my last job I moved our billing service to a queue-based design and cut failures by 90 percent.";

    [Fact]
    public async Task Two_concurrent_turns_give_one_200_and_one_409_and_one_stored_exchange()
    {
        using var app = new InterviewApp(azurite, s => s.AddSingleton<IInterviewerBrain>(new BarrierBrain(2)));
        var client = app.CreateClient();
        await (await client.StartAsync("race-1")).JsonAsync();

        var responses = await Task.WhenAll(client.AnswerAsync("race-1", "first " + Answer),
            client.AnswerAsync("race-1", "second " + Answer));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("concurrent_turn", (string)(await loser.ProblemAsync(HttpStatusCode.Conflict))["code"]!);
        var history = (await client.StateOrNullAsync("race-1"))!["conversation_history"]!.AsArray();
        Assert.Equal(3, history.Count);
    }

    [Fact]
    public async Task Retried_turn_with_the_same_key_returns_the_first_response_and_writes_once()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();
        await (await client.StartAsync("idem-1")).JsonAsync();

        var first = await (await client.AnswerAsync("idem-1", Answer, "retry-me")).JsonAsync();
        var second = await (await client.AnswerAsync("idem-1", Answer, "retry-me")).JsonAsync();

        Assert.Equal(first.WithoutTimings(), second.WithoutTimings());
        Assert.Equal(3, (await client.StateOrNullAsync("idem-1"))!["conversation_history"]!.AsArray().Count);

        // A new key is a new answer.
        await (await client.AnswerAsync("idem-1", Answer, "another")).JsonAsync();
        Assert.Equal(5, (await client.StateOrNullAsync("idem-1"))!["conversation_history"]!.AsArray().Count);

        // The replay still shows the interview as it was after the first answer.
        var replay = await (await client.AnswerAsync("idem-1", Answer, "retry-me")).JsonAsync();
        Assert.Equal(first.WithoutTimings(), replay.WithoutTimings());
    }

    [Fact]
    public async Task Same_key_with_a_different_answer_is_refused_and_changes_nothing()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();
        await (await client.StartAsync("idem-2")).JsonAsync();
        await (await client.AnswerAsync("idem-2", Answer, "k")).JsonAsync();
        var before = (await client.StateOrNullAsync("idem-2"))!.ToJsonString();

        var problem = await (await client.AnswerAsync("idem-2", "something else entirely",
            "k")).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("idempotency_key_reused", (string)problem["code"]!);
        Assert.Equal(before, (await client.StateOrNullAsync("idem-2"))!.ToJsonString());
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_both_get_the_single_committed_answer()
    {
        using var app = new InterviewApp(azurite, s => s.AddSingleton<IInterviewerBrain>(new BarrierBrain(2)));
        var client = app.CreateClient();
        await (await client.StartAsync("idem-3")).JsonAsync();

        var responses = await Task.WhenAll(client.AnswerAsync("idem-3", Answer, "net-retry"),
            client.AnswerAsync("idem-3", Answer, "net-retry"));

        var bodies = await Task.WhenAll(responses.Select(r => r.JsonAsync()));
        Assert.Equal(bodies[0].WithoutTimings(), bodies[1].WithoutTimings());
        Assert.Equal(3, (await client.StateOrNullAsync("idem-3"))!["conversation_history"]!.AsArray().Count);
    }
}
