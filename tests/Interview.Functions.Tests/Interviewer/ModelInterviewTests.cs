using System.Diagnostics.Metrics;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Interviewer;

/// <summary>A whole interview over HTTP on the azure-openai brain: one model call per turn, the model's words reach the
/// candidate.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ModelInterviewTests(AzuriteFixture azurite)
{
    private static readonly (string Action, string? Phase)[] Script =
    [
        ("new_question", null), ("new_question", "technical"), ("ask_followup", null), ("new_question", null),
        ("new_question", "behavioral"), ("clarify", null), ("new_question", "closing"), ("conclude", null),
    ];

    [Fact]
    public async Task Interview_on_the_model_makes_one_call_per_turn_and_concludes()
    {
        await using var model = await FakeHttpServer.StartAsync();
        var turn = 0;
        model.Default = _ =>
        {
            var (action, phase) = Script[Math.Min(turn, Script.Length - 1)];
            return ChatReplies.Turn(action, $"Model line {++turn}: {action}", phase, topics: ["system_design"]);
        };
        using var tokens = new TokenListener();
        using var app = ModelApp.Create(azurite, model);
        var client = await app.StartedAsync(model, "model-1");

        var phases = new List<string>();
        var texts = new List<string>();
        for (var i = 0; i < Script.Length; i++)
        {
            var body = await (await client.AnswerAsync("model-1",
                $"Answer number {i} about caching at 3000 requests per second.")).JsonAsync();
            texts.Add((string)body["interviewer_response"]!["text"]!);
            phases.Add((string)body["session_state"]!["current_phase"]!);
        }

        Assert.Equal(Script.Select((s, i) => $"Model line {i + 1}: {s.Action}"), texts);
        Assert.Equal(Script.Length + 1, model.Requests.Count);
        Assert.Equal(["intro", "technical", "technical", "technical", "behavioral", "behavioral", "closing", "closing"], phases);
        var state = (await client.StateOrNullAsync("model-1"))!;
        Assert.Equal("concluded", (string)state["status"]!);
        Assert.Equal(["system_design"], state["topics_covered"]!.AsArray().Select(t => (string)t!));
        var usage = state["model_usage"]!;
        Assert.Equal(Script.Length + 1, (int)usage["calls"]!);
        Assert.Equal(400 * (Script.Length + 1), (long)usage["input_tokens"]!);
        Assert.Equal(60 * (Script.Length + 1), (long)usage["output_tokens"]!);
        Assert.Equal(0, (int)usage["fallbacks"]!);
        Assert.Equal(460 * (Script.Length + 1), tokens.Total);
    }

    /// <summary>Sums the interview.model.tokens metric as an exporter would see it.</summary>
    private sealed class TokenListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public TokenListener()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Interview.Brain" && instrument.Name == "interview.model.tokens")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
