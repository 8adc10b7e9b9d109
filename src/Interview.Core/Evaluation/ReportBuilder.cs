using Interview.Core.Domain;

namespace Interview.Core.Evaluation;

/// <summary>Aggregates competency scores into the overall assessment, strengths and concerns. Deterministic.</summary>
public static class ReportBuilder
{
    public static EvaluationReport Build(
        string interviewId, int version, IReadOnlyList<CompetencyScore> scores, IReadOnlyList<ConversationTurn> transcript, ICompetencyEvaluator evaluator, DateTime now)
    {
        var mean = scores.Count == 0 ? 1 : scores.Average(s => s.Score);
        var overall = (int)Math.Round(mean, MidpointRounding.AwayFromZero);
        var recommendation = mean switch
        {
            >= 4.25 => "strong_yes",
            >= 3.25 => "yes",
            >= 2.25 => "no",
            _ => "strong_no",
        };
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
            scores.OrderBy(s => s.Name).ToList(), strengths, concerns, RulesEvaluator.RubricVersion, evaluator.Name, evaluator.PromptVersion, now);
    }

    private static string Display(CompetencyScore score) => $"{score.Name.Replace('_', ' ')} ({score.Score})";
}
