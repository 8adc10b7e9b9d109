using Interview.Core.Domain;
using Interview.Core.Utterances;

namespace Interview.Core.Evaluation;

/// <summary>Aggregates competency scores into the overall assessment, strengths and concerns. Deterministic.</summary>
public static class ReportBuilder
{
    /// <summary>The recommendations a report gives, strongest first.</summary>
    public static readonly IReadOnlyList<string> Recommendations = ["strong_yes", "yes", "no", "strong_no"];

    /// <summary>The overall score of competency scores: their mean, rounded half away from zero (1 with none).</summary>
    public static int Overall(IEnumerable<int> scores) =>
        (int)Math.Round(scores.DefaultIfEmpty(1).Average(), MidpointRounding.AwayFromZero);

    public static EvaluationReport Build(
        string interviewId, int version, IReadOnlyList<CompetencyScore> scores, IReadOnlyList<ConversationTurn> transcript,
            ICompetencyEvaluator evaluator, DateTime now)
    {
        var mean = scores.Count == 0 ? 1 : scores.Average(s => s.Score);
        var overall = Overall(scores.Select(s => s.Score));
        var recommendation = Recommendations[mean switch
        {
            >= 4.25 => 0,
            >= 3.25 => 1,
            >= 2.25 => 2,
            _ => 3,
        }];
        var ranked = scores.OrderByDescending(s => s.Score).ThenBy(s => s.Name).ToList();
        var summary = $"Average {mean:0.0} of 5 across {scores.Count} competencies" +
                      (ranked.Count > 0 ? $"; strongest {Display(ranked[0])}, weakest {Display(ranked[^1])}." : ".");

        var strengths = ranked.Where(s => s.Score >= 4).Select(s => $"{s.Name}: {s.Rationale}").ToList();
        var concerns = ranked.Where(s => s.Score <= 2).Select(s => $"{s.Name}: {s.Flagged ?? s.Rationale}").ToList();
        concerns.AddRange(transcript
            .Select((turn, index) => (turn, index))
            .Where(t => t.turn.Role == Roles.Candidate && InstructionDetector.IsInstructionAttempt(t.turn.Content))
            .Select(t => $"The answer at turn {t.index} tried to instruct the evaluator; it was not used as evidence."));

        return new EvaluationReport(
            interviewId, version, EvaluationStatus.Completed, new OverallAssessment(overall, recommendation, summary),
            scores.OrderBy(s => s.Name).ToList(), strengths, concerns, RulesEvaluator.RubricVersion, evaluator.Name,
                evaluator.PromptVersion, now);
    }

    private static string Display(CompetencyScore score) => $"{score.Name.Replace('_', ' ')} ({score.Score})";
}
