using System.Globalization;
using System.Text.Json.Nodes;
using Interview.Core.Plans;

namespace Interview.Personas.Results;

/// <summary>
/// One table row, read from the final session_state and the report. A repeat is a question asked twice: the same bank
/// question in two new_question lines, or the same line twice as a new question or as a follow-up on the same question.
/// Clarifications are not counted: putting the open question back when asked to is not asking it again.
/// </summary>
public sealed record PersonaRow(
    string Persona, int Turns, int InterviewerTurns, int Followups, int Repeats, int PhasesCovered, int Phases, bool Concluded,
    int QuestionsAnswered, int QuestionsPassedOn, IReadOnlyList<string> Unrecorded, int? Score, string? Recommendation,
    string? EvaluationStatus, string? Failure)
{
    public const string TableHeader =
        "| persona | turns | follow-up rate | repeated questions | phases covered | concluded within budget | candidate questions answered / passed on | overall score | recommendation |\n" +
        "|---|---:|---:|---:|---:|---|---:|---:|---|";

    public double FollowupRate => InterviewerTurns == 0 ? 0 : (double)Followups / InterviewerTurns;

    public static PersonaRow Of(PersonaOutcome outcome, InterviewPlan plan)
    {
        var history = (outcome.State?["conversation_history"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(t => (string?)t["role"] == "interviewer").Select(t => (Text: (string)t["content"]!, Action: (string?)t["action_type"], Phase: (string)t["phase"]!)).ToList();
        var recorded = (outcome.State?["candidate_questions"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(q => (Question: (string)q["question"]!, Outcome: (string)q["outcome"]!)).ToList();
        var unrecorded = outcome.AskedQuestions.Where(a => !recorded.Any(r => string.Equals(r.Question.Trim(), a.Trim(), StringComparison.OrdinalIgnoreCase))).ToList();
        var overall = outcome.Report?["overall"];
        return new PersonaRow(
            outcome.Persona.Name, outcome.Turns, history.Count, history.Count(t => t.Action == "ask_followup"), CountRepeats(history, plan),
            history.Select(t => t.Phase).Distinct().Count(), plan.Phases.Count, outcome.Concluded,
            recorded.Count(r => r.Outcome == "answered"), recorded.Count(r => r.Outcome == "passed_on"), unrecorded,
            (int?)overall?["score"], (string?)overall?["recommendation"], (string?)outcome.Report?["status"], outcome.Failure);
    }

    public string TableRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Persona} | {Turns} | {FollowupRate:P0} | {Repeats} | {PhasesCovered}/{Phases} | {(Concluded ? "yes" : "no")} | {QuestionsAnswered} / {QuestionsPassedOn} | {Score?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {Recommendation ?? "-"} |");

    private static int CountRepeats(List<(string Text, string? Action, string Phase)> lines, InterviewPlan plan)
    {
        var bank = plan.Phases.SelectMany(p => p.Questions).ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var (repeats, current) = (0, "");
        foreach (var (text, action, _) in lines)
        {
            var key = action switch
            {
                "new_question" => current = bank.FirstOrDefault(q => text.Contains(q.Text, StringComparison.OrdinalIgnoreCase))?.Text ?? Normalize(text),
                "ask_followup" => $"{current} | {Normalize(text)}",
                _ => null,
            };
            repeats += key is not null && !seen.Add(key) ? 1 : 0;
        }

        return repeats;
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
