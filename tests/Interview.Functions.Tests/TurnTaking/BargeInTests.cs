using System.Net;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Interviewer;

namespace Interview.Functions.Tests.TurnTaking;

/// <summary>
/// Barge-in over the real pipeline on Azurite: a turn that says how much of the interviewer's line was heard marks that
/// line in the same commit, the state and the next prompt show it, a retry replays, and a bad value writes nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BargeInTests(AzuriteFixture azurite)
{
    private const string Greeting = "Hello! Tell me about your background.";
    private static readonly FakeHttpServer.Reply Next = ChatReplies.Turn("ask_followup", "Which part of that was yours?");

    [Fact]
    public async Task Interrupted_turn_marks_the_interviewer_line_in_state_and_prompt()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Create(azurite, model);
        var client = await app.StartedAsync(model, "barge-1");
        model.Enqueue(Next);

        var body = await (await client.PostTurnAsync("barge-1", Form("I built payments.", "1850", "6"), "key-1")).JsonAsync();

        var greeting = body["session_state"]!["conversation_history"]![0]!;
        Assert.Equal(1850, (int)greeting["interrupted_at"]!["at_ms"]!);
        Assert.Equal(6, (int)greeting["interrupted_at"]!["heard_chars"]!);
        Assert.Null(body["session_state"]!["conversation_history"]![1]!["interrupted_at"]);
        var stored = await (await client.GetAsync("/session/state/barge-1")).JsonAsync();
        Assert.Equal(1850, (int)stored["conversation_history"]![0]!["interrupted_at"]!["at_ms"]!);
        var prompt = model.Requests[^1].Message(1);
        Assert.Contains($"{Greeting} [the candidate interrupted this line 1850 ms in and heard only: \"Hello!\"]", prompt,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retried_interrupted_turn_replays_and_another_value_with_the_key_is_refused()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Create(azurite, model);
        var client = await app.StartedAsync(model, "barge-2");
        model.Enqueue(Next);
        var first = await (await client.PostTurnAsync("barge-2", Form("Payments.", "900"), "key-2")).JsonAsync();

        var again = await (await client.PostTurnAsync("barge-2", Form("Payments.", "900"), "key-2")).JsonAsync();
        var other = await client.PostTurnAsync("barge-2", Form("Payments.", "901"), "key-2");

        Assert.Equal(first["session_state"]!.ToJsonString(), again["session_state"]!.ToJsonString());
        Assert.Equal("idempotency_key_reused", (string?)(await other.ProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]);
        Assert.Equal(2, model.Requests.Count); // the opening and one turn: the replay asked the model nothing
    }

    [Fact]
    public async Task Streamed_turn_marks_the_line_too_and_refuses_a_bad_value_before_its_stream()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Create(azurite, model, callTimeout: "00:00:10", budget: "00:00:20");
        var client = await app.StartedAsync(model, "barge-3");

        var (refused, _) = await client.StreamTurnAsync("barge-3", Form("Payments.", "1200", "99"), "key-3a");
        model.Enqueue(ChatReplies.StreamedTurn("ask_followup", "Which part of that was yours?"));
        var (_, events) = await client.StreamTurnAsync("barge-3", Form("Payments.", "1200", "5"), "key-3b");

        Assert.Equal("invalid_field", (string?)(await refused.ProblemAsync(HttpStatusCode.BadRequest))["code"]);
        Assert.Equal("done", events[^1].Name);
        var greeting = events[^1].Data["session_state"]!["conversation_history"]![0]!;
        Assert.Equal(1200, (int)greeting["interrupted_at"]!["at_ms"]!);
        Assert.Contains("heard only: \"Hello\"]", model.Requests[^1].Message(1), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-5", null)]
    [InlineData("abc", null)]
    [InlineData("1.5", null)]
    [InlineData("3600001", null)]
    [InlineData("", null)]
    [InlineData("100", "-1")]
    [InlineData("100", "38")] // the greeting has 37 characters
    [InlineData(null, "5")]
    public async Task Bad_interruption_is_refused_and_writes_nothing(string? atMs, string? heardChars)
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Create(azurite, model);
        var client = await app.StartedAsync(model, "barge-bad");
        var before = await client.StableStateAsync("barge-bad");

        var response = await client.PostTurnAsync("barge-bad", Form("Payments.", atMs, heardChars), "key-bad");

        Assert.Equal("invalid_field", (string?)(await response.ProblemAsync(HttpStatusCode.BadRequest))["code"]);
        Assert.Equal(before, await client.StableStateAsync("barge-bad"));
        Assert.Single(model.Requests);
    }

    private static MultipartFormDataContent Form(string text, string? atMs, string? heardChars = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(text), "text" } };
        if (atMs is not null)
        {
            form.Add(new StringContent(atMs), "interrupted_at_ms");
        }

        if (heardChars is not null)
        {
            form.Add(new StringContent(heardChars), "heard_chars");
        }

        return form;
    }
}
