using System.Globalization;
using System.Text.Json.Nodes;
using Interview.Core.Plans;

namespace Interview.Personas.Results;

/// <summary>
/// One table row, read from the final session_state and the report. A repeat is what the app's model reply check calls asking again: a new
/// question or follow-up whose line is word for word an earlier interviewer line, or a new question putting a bank question already asked.
/// Clarifications are not counted: the open question put back on request is not asked again.
/// </summary>
public sealed record PersonaRow(
    string Persona, int Turns, int InterviewerTurns, int Followups, int Repeats, int PhasesCovered, int Phases, bool Concluded,
    int QuestionsAnswered, int QuestionsPassedOn, IReadOnlyList<string> Unrecorded, int? Score, string? Recommendation,
    string? EvaluationStatus, IReadOnlyDictionary<string, int> Competencies, int ModelCalls, int ModelFallbacks, string? Failure)
{
    public const string TableHeader =
        "| persona | turns | follow-up rate | repeated questions | phases covered | concluded within budget " +
        "| candidate questions answered / passed on | overall score | recommendation |\n" +
        "|---|---:|---:|---:|---:|---|---:|---:|---|";

    public double FollowupRate => InterviewerTurns == 0 ? 0 : (double)Followups / InterviewerTurns;

    public static PersonaRow Of(PersonaOutcome outcome, InterviewPlan plan)
    {
        var history = (outcome.State?["conversation_history"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(t => (string?)t["role"] == "interviewer")
            .Select(t => (Text: (string)t["content"]!, Action: (string?)t["action_type"], Phase: (string)t["phase"]!)).ToList();
        var recorded = (outcome.State?["candidate_questions"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(q => (Question: (string)q["question"]!, Outcome: (string)q["outcome"]!)).ToList();
        var unrecorded = outcome.AskedQuestions.Where(a
            => !recorded.Any(r => string.Equals(r.Question.Trim(), a.Trim(), StringComparison.OrdinalIgnoreCase))).ToList();
        var overall = outcome.Report?["overall"];
        return new PersonaRow(
            outcome.Persona.Name, outcome.Turns, history.Count, history.Count(t => t.Action == "ask_followup"), CountRepeats(history, plan),
            history.Select(t => t.Phase).Distinct().Count(), plan.Phases.Count, outcome.Concluded,
            recorded.Count(r => r.Outcome == "answered"), recorded.Count(r => r.Outcome == "passed_on"), unrecorded,
            (int?)overall?["score"], (string?)overall?["recommendation"], (string?)outcome.Report?["status"],
            (outcome.Report?["competencies"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(c => (string)c["name"]!, c
                => (int)c["score"]!),
            (int?)outcome.State?["model_usage"]?["calls"] ?? 0, (int?)outcome.State?["model_usage"]?["fallbacks"] ?? 0, outcome.Failure);
    }

    public string TableRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Persona} | {Turns} | {FollowupRate:P0} | {Repeats} | {PhasesCovered}/{Phases} | {(Concluded ? "yes" : "no")} " +
        $"| {QuestionsAnswered} / {QuestionsPassedOn} | {Score?.ToString(CultureInfo.InvariantCulture) ?? "-"} " +
        $"| {Recommendation ?? "-"} |");

    private static int CountRepeats(List<(string Text, string? Action, string Phase)> lines, InterviewPlan plan)
    {
        var bank = plan.Phases.SelectMany(p => p.Questions).ToList();
        var (said, asked) = (new HashSet<string>(StringComparer.OrdinalIgnoreCase), new HashSet<string>());
        var repeats = 0;
        foreach (var (text, action, _) in lines)
        {
            var question = action == "new_question"
                ? bank.FirstOrDefault(q => text.Contains(q.Text, StringComparison.OrdinalIgnoreCase))?.Id : null;
            var again = action is "new_question" or "ask_followup" && said.Contains(Normalize(text))
                || (question is not null && !asked.Add(question));
            repeats += again ? 1 : 0;
            said.Add(Normalize(text));
        }

        return repeats;
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
