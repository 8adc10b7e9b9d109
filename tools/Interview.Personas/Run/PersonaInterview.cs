using System.Globalization;
using System.Text.Json.Nodes;
using Interview.Core.Plans;
using Interview.LoadTest.Clients;
using Interview.Personas.Cast;
using Interview.Personas.Results;

namespace Interview.Personas.Run;

/// <summary>
/// One persona's whole interview through the HTTP API: start, answer every interviewer line until the interviewer concludes, or end it with
/// DELETE at the turn cap (which counts as not concluding); then poll its evaluation until it is stored. Returns what the checks need: the
/// final session state, the report, and the questions the persona asked.
/// </summary>
public sealed class PersonaInterview(Persona persona, InterviewPlan plan, ApiClient api, string runId, bool streamed = false)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);
    private readonly List<string> _asked = [];

    public string Id { get; } = string.Create(CultureInfo.InvariantCulture, $"persona-{runId}-{persona.Name}");

    public async Task<PersonaOutcome> RunAsync(int turnCap, DateTimeOffset deadline, CancellationToken ct)
    {
        var start = await api.StartAsync(Id, persona.Candidate, deadline, ct);
        if (!start.Ok || start.Body?["interviewer_response"] is not JsonObject said)
        {
            return Failed($"start: {start.Describe()}");
        }

        var (questionId, turns, concluded, state) = (Asked(said, null), 0, false, start.Body["session_state"]);
        var action = "new_question";
        var resets = 0;
        while (!concluded && turns < turnCap)
        {
            turns++;
            var (text, own) = persona.Next(turns, questionId, action == "new_question", IsClosing(questionId), _asked);
            var reply = await api.TurnAsync(Id, text, Guid.NewGuid().ToString("N"), deadline, ct, streamed);
            resets += reply.Resets > 0 ? 1 : 0;
            if (!reply.Ok || reply.Body?["interviewer_response"] is not JsonObject next)
            {
                return Failed($"turn {turns}: {reply.Describe()}");
            }

            _asked.AddRange(own is null ? [] : [own]);
            (said, state) = (next, reply.Body["session_state"]);
            action = said["action"]?["action_type"]?.GetValue<string>() ?? "";
            questionId = Asked(said, questionId);
            concluded = said["should_continue"]?.GetValue<bool>() is false;
        }

        if (!concluded)
        {
            // Over the cap: end it as a candidate closing the tab would, which starts the evaluation as well.
            var end = await api.EndAsync(Id, deadline, ct);
            var read = end.Ok ? await api.StateAsync(Id, deadline, ct) : end;
            if (!read.Ok)
            {
                return Failed($"end at the turn cap: {read.Describe()}");
            }

            state = read.Body;
        }

        var report = await EvaluationAsync(deadline, ct);
        return new PersonaOutcome(persona, Id, turns, concluded, state, report.Body, _asked, report.Ok ? null
            : $"evaluation: {report.Describe()}", resets);
    }

    /// <summary>The bank question now on the table: the one a new question's line contains, else the one before.</summary>
    private string? Asked(JsonObject said, string? before) =>
        said["action"]?["action_type"]?.GetValue<string>() != "new_question" ? before
            : plan.Phases.SelectMany(p => p.Questions).FirstOrDefault(q
                => said["text"]!.GetValue<string>().Contains(q.Text, StringComparison.Ordinal))?.Id ?? before;

    private bool IsClosing(string? questionId) => plan.Phases[^1].Questions.Any(q => q.Id == questionId);

    /// <summary>Polls until the report is there (200) or the deadline passes; a 202 says it is still running.</summary>
    private async Task<Reply> EvaluationAsync(DateTimeOffset deadline, CancellationToken ct)
    {
        while (true)
        {
            var reply = await api.EvaluationAsync(Id, deadline, ct);
            if (reply.Status != 202 || DateTimeOffset.UtcNow + PollEvery > deadline)
            {
                return reply.Status == 202 ? reply with { Status = 0, LastError = "still running at the deadline" } : reply;
            }

            await Task.Delay(PollEvery, ct);
        }
    }

    private PersonaOutcome Failed(string why) => new(persona, Id, 0, false, null, null, _asked, why);
}
