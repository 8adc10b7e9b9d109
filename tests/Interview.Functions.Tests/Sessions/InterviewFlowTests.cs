using System.Net;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Sessions;

/// <summary>The guide's flow over real HTTP: start, text turns until the interviewer concludes, state, end.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InterviewFlowTests(AzuriteFixture azurite) : IDisposable
{
    private const string Detailed =
        "At my last company I led the redesign of our payments API: we moved from one database to a sharded cluster " +
        "with a cache in front, which cut p99 latency from 800 to 120 milliseconds and let the team of five ship twice as often.";

    private readonly InterviewApp _app = new(azurite);

    [Fact]
    public async Task Text_interview_runs_through_every_phase_and_concludes()
    {
        var client = _app.CreateClient();
        var start = await (await client.StartAsync("flow-1", new { candidate_name = "Ada" })).JsonAsync();
        Assert.Contains("Ada", (string)start["interviewer_response"]!["text"]!);
        Assert.Equal(1, (int)start["turn_number"]!);
        Assert.Equal("intro", (string)start["session_state"]!["current_phase"]!);

        var answers = new[] { Detailed, "ok", Detailed, "let me think", Detailed, "I don't know", Detailed };
        var actions = new List<string>();
        var phases = new List<string> { "intro" };
        JsonNodeResponse last = default;
        for (var turn = 0; turn < 40; turn++)
        {
            var body = await (await client.AnswerAsync("flow-1", answers[turn % answers.Length])).JsonAsync();
            last = new JsonNodeResponse(body);
            actions.Add(last.ActionType);
            if (phases[^1] != last.Phase)
            {
                phases.Add(last.Phase);
            }

            Assert.Equal(turn + 2, (int)body["turn_number"]!);
            if (!last.ShouldContinue)
            {
                break;
            }
        }

        Assert.False(last.ShouldContinue);
        Assert.Equal(["intro", "technical", "behavioral", "closing"], phases);
        Assert.Contains("ask_followup", actions);
        Assert.Contains("new_question", actions);
        Assert.Contains("clarify", actions);
        Assert.Equal("conclude", actions[^1]);

        var state = (await client.StateOrNullAsync("flow-1"))!;
        Assert.Equal("concluded", (string)state["status"]!);
        Assert.Contains("system_design", state["topics_covered"]!.AsArray().Select(t => (string)t!));
        Assert.NotEmpty(state["insights"]!.AsArray());
        var history = state["conversation_history"]!.AsArray();
        Assert.Equal(2 * actions.Count + 1, history.Count);
        Assert.All(history, t => Assert.EndsWith("Z", t!["timestamp"]!.GetValue<string>(), StringComparison.Ordinal));

        var after = await client.AnswerAsync("flow-1", Detailed);
        await after.ProblemAsync(HttpStatusCode.Conflict);

        var deleted = await client.DeleteAsync("/session/state/flow-1");
        var ended = await deleted.JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("/session/evaluation/flow-1", deleted.Headers.Location?.OriginalString);
        Assert.Equal("ended", (string)ended["status"]!);
        Assert.Equal(history.Count, ended["conversation_history"]!.AsArray().Count);
    }

    [Fact]
    public async Task Delete_ends_an_active_interview_and_refuses_further_turns_and_starts()
    {
        var client = _app.CreateClient();
        await (await client.StartAsync("flow-2")).JsonAsync();
        await (await client.AnswerAsync("flow-2", Detailed)).JsonAsync();

        var ended = await (await client.DeleteAsync("/session/state/flow-2")).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("ended", (string)ended["status"]!);
        await (await client.AnswerAsync("flow-2", Detailed)).ProblemAsync(HttpStatusCode.Conflict);
        await (await client.StartAsync("flow-2")).ProblemAsync(HttpStatusCode.Conflict);

        var again = await (await client.DeleteAsync("/session/state/flow-2")).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(ended["last_updated"]!.ToJsonString(), again["last_updated"]!.ToJsonString());
    }

    [Fact]
    public async Task Start_on_a_started_interview_returns_the_same_greeting_and_writes_nothing()
    {
        var client = _app.CreateClient();
        var first = await (await client.StartAsync("flow-3", new { candidate_name = "Grace", role = "Platform Engineer" })).JsonAsync();
        Assert.Contains("Platform Engineer", (string)first["interviewer_response"]!["text"]!);
        var before = (await client.StateOrNullAsync("flow-3"))!.ToJsonString();

        var again = await (await client.StartAsync("flow-3")).JsonAsync();
        Assert.Equal((string)first["interviewer_response"]!["text"]!, (string)again["interviewer_response"]!["text"]!);
        Assert.Equal(before, (await client.StateOrNullAsync("flow-3"))!.ToJsonString());
    }

    public void Dispose() => _app.Dispose();

    private readonly record struct JsonNodeResponse(string ActionType, string Phase, bool ShouldContinue)
    {
        public JsonNodeResponse(System.Text.Json.Nodes.JsonNode body)
            : this(
                (string)body["interviewer_response"]!["action"]!["action_type"]!,
                (string)body["session_state"]!["current_phase"]!,
                (bool)body["interviewer_response"]!["should_continue"]!)
        {
        }
    }
}
