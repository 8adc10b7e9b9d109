using System.Globalization;
using System.Text.Json.Nodes;
using Interview.LoadTest.Results;

namespace Interview.LoadTest.Clients;

/// <summary>
/// One candidate: starts an interview and answers up to the given number of turns, one at a time, with a fresh
/// Idempotency-Key per answer. It remembers exactly what it was shown, which is what the store must hold afterwards.
/// </summary>
public sealed class SimulatedInterview(int index, string runId, ApiClient api, RunCounters counters)
{
    public const string FallbackMarker = "Fallback to the rules brain";
    private readonly List<(string Role, string Content)> _seen = [];

    public string Id { get; } = string.Create(CultureInfo.InvariantCulture, $"load-{runId}-{index:D4}");

    /// <summary>The greeting, then each accepted answer and the interviewer's reply to it, in order.</summary>
    public IReadOnlyList<(string Role, string Content)> Seen => _seen;

    /// <summary>An answer sent whose outcome the client never learned (it gave up); the store may hold it or not.</summary>
    public string? InDoubt { get; private set; }

    /// <summary>Why the interview stopped before its turns were done; null when it finished or concluded.</summary>
    public string? Failure { get; private set; }

    public int TurnsDone { get; private set; }

    public bool Concluded { get; private set; }

    public async Task RunAsync(int turns, TimeSpan think, DateTimeOffset deadline, CancellationToken ct)
    {
        try
        {
            // Real candidates are not in step: stagger the starts and vary each pause (0.5x to 1.5x the think time).
            await Task.Delay(Jittered(think, 0, 1), ct);
            var start = await api.StartAsync(Id, $"Candidate {index}", deadline, ct);
            if (!start.Ok || Text(start.Body) is not { } greeting)
            {
                Fail($"start: {start.Describe()}");
                return;
            }

            _seen.Add(("interviewer", greeting));
            var answers = new Answers(index);
            var lastAction = "new_question";
            for (var turn = 1; turn <= turns; turn++)
            {
                var answer = answers.Next(turn, lastAction);
                InDoubt = answer;
                var reply = await api.TurnAsync(Id, answer, Guid.NewGuid().ToString("N"), deadline, ct);
                if (!reply.Ok || reply.Body?["interviewer_response"] is not JsonObject said || Text(reply.Body) is not { } text)
                {
                    InDoubt = reply.OutcomeUnknown ? answer : null;
                    Fail($"turn {turn}: {reply.Describe()}");
                    return;
                }

                InDoubt = null;

                _seen.Add(("candidate", answer));
                _seen.Add(("interviewer", text));
                TurnsDone = turn;
                counters.TurnDone(reply.Attempts, reply.FirstAttemptMs, reply.TotalMs);
                lastAction = said["action"]?["action_type"]?.GetValue<string>() ?? "";
                if (said["action"]?["reasoning"]?.GetValue<string>() is { } why && why.StartsWith(FallbackMarker, StringComparison.Ordinal))
                {
                    counters.Fallback();
                }

                if (said["should_continue"]?.GetValue<bool>() is false)
                {
                    Concluded = true;
                    return;
                }

                if (think > TimeSpan.Zero)
                {
                    await Task.Delay(Jittered(think, 0.5, 1.5), ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Fail("cancelled");
        }
    }

    private static TimeSpan Jittered(TimeSpan think, double from, double to) => think * (from + Random.Shared.NextDouble() * (to - from));

    private static string? Text(JsonNode? body) => body?["interviewer_response"]?["text"]?.GetValue<string>();

    private void Fail(string why)
    {
        Failure = why;
        counters.Failed(why.Contains(':', StringComparison.Ordinal) ? why[(why.IndexOf(':', StringComparison.Ordinal) + 2)..] : why);
    }
}
