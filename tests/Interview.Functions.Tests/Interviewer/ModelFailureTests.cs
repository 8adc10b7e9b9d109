using System.Text.Json.Nodes;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Interviewer;

/// <summary>
/// Whatever the model does (bad JSON, schema violations, 429, 500, hangs, refusals) the candidate gets a valid
/// 200 turn: retried within the budget, else answered by the rules brain and marked as a fallback.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ModelFailureTests(AzuriteFixture azurite)
{
    private const string Answer = "At my last job I led a team of four and cut our API latency by 40 percent with a cache.";
    private static readonly FakeHttpServer.Reply Good = ChatReplies.Turn("new_question", "Thanks. What trade-offs did you weigh?");

    public static TheoryData<string, string> InvalidOutputs => new()
    {
        { "reply was not valid JSON", "Sure! Here is my answer: ask a follow-up." },
        { "unknown action_type 'dance'", """{"action_type":"dance","reasoning":"","next_phase":null,"question_id":""" +
            """null,"text":"Hi","topics_covered":[],"insights":[]}""" },
        { "next_phase 'karaoke' is not a phase", """{"action_type":"new_question","reasoning":"","next_phase":"karaoke","question_id":""" +
            """null,"text":"Hi","topics_covered":[],"insights":[]}""" },
        { "text was empty", """{"action_type":"new_question","reasoning":"","next_phase":null,"question_id":""" +
            """null,"text":"  ","topics_covered":[],"insights":[]}""" },
    };

    [Fact]
    public async Task Malformed_output_is_asked_for_again_once_and_the_second_answer_is_used()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Create(azurite, model);
        var client = await app.StartedAsync(model, "fail-1");
        model.Enqueue(ChatReplies.Completion("{not json"), Good);

        var body = await (await client.AnswerAsync("fail-1", Answer)).JsonAsync();

        Assert.Equal("Thanks. What trade-offs did you weigh?", Text(body));
        Assert.Equal(3, model.Requests.Count);
        Assert.Equal(0, (int)body["session_state"]!["model_usage"]!["fallbacks"]!);
    }

    [Theory]
    [MemberData(nameof(InvalidOutputs))]
    public async Task Output_invalid_twice_falls_back_to_the_rules_brain(string reason, string content)
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Create(azurite, model);
        var client = await app.StartedAsync(model, "fail-2");
        model.Enqueue(ChatReplies.Completion(content), ChatReplies.Completion(content));

        var body = await (await client.AnswerAsync("fail-2", Answer)).JsonAsync();

        AssertFallback(body, reason);
        Assert.Equal(3, model.Requests.Count);
    }

    [Fact]
    public async Task Rate_limit_is_retried_after_the_time_the_server_asks_for()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Create(azurite, model);
        var client = await app.StartedAsync(model, "fail-3");
        model.Enqueue(ChatReplies.Error(429, ("Retry-After", "1")), Good);

        var body = await (await client.AnswerAsync("fail-3", Answer)).JsonAsync();

        Assert.Equal("Thanks. What trade-offs did you weigh?", Text(body));
        var (limited, retried) = (model.Requests[1], model.Requests[2]);
        Assert.True(retried.At - limited.At >= TimeSpan.FromMilliseconds(900),
            $"retried after {(retried.At - limited.At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Server_error_is_retried_and_the_retry_answers()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Create(azurite, model);
        var client = await app.StartedAsync(model, "fail-4");
        model.Enqueue(ChatReplies.Error(500), ChatReplies.Error(503), Good);

        var body = await (await client.AnswerAsync("fail-4", Answer)).JsonAsync();

        Assert.Equal("Thanks. What trade-offs did you weigh?", Text(body));
        Assert.Equal(4, model.Requests.Count);
    }

    [Fact]
    public async Task Model_that_keeps_failing_falls_back_within_the_budget()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Create(azurite, model, budget: "00:00:02");
        var client = await app.StartedAsync(model, "fail-5");
        model.Default = _ => ChatReplies.Error(500);

        var body = await (await client.AnswerAsync("fail-5", Answer)).JsonAsync();

        AssertFallback(body, "HTTP 500");
        var turnCalls = model.Requests.Skip(1).ToList();
        Assert.InRange(turnCalls.Count, 2, 8);
        Assert.True(turnCalls[^1].At - turnCalls[0].At < TimeSpan.FromSeconds(2), "retries stayed within the 2 s budget");
    }

    [Fact]
    public async Task Model_that_hangs_past_the_timeout_falls_back()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Create(azurite, model, callTimeout: "00:00:00.500", budget: "00:00:01.200");
        var client = await app.StartedAsync(model, "fail-6");
        model.Default = _ => Good with { Delay = TimeSpan.FromSeconds(30) };

        var body = await (await client.AnswerAsync("fail-6", Answer)).JsonAsync();

        AssertFallback(body, "no answer within 0.5 s");
    }

    [Fact]
    public async Task Refused_request_falls_back_at_once_without_retrying()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Create(azurite, model);
        var client = await app.StartedAsync(model, "fail-7");
        model.Enqueue(ChatReplies.Error(401));

        var body = await (await client.AnswerAsync("fail-7", Answer)).JsonAsync();

        AssertFallback(body, "HTTP 401");
        Assert.Equal(2, model.Requests.Count);
    }

    private static string Text(JsonNode body) => (string)body["interviewer_response"]!["text"]!;

    private static void AssertFallback(JsonNode body, string reasonContains)
    {
        var reasoning = (string)body["interviewer_response"]!["action"]!["reasoning"]!;
        Assert.StartsWith("Fallback to the rules brain", reasoning, StringComparison.Ordinal);
        Assert.Contains(reasonContains, reasoning, StringComparison.Ordinal);
        Assert.True((bool)body["interviewer_response"]!["should_continue"]!);
        Assert.False(string.IsNullOrWhiteSpace(Text(body)));
        Assert.Equal(1, (int)body["session_state"]!["model_usage"]!["fallbacks"]!);
    }
}
