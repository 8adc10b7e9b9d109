using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Evaluation;

/// <summary>
/// What the evaluation activities do with the rules evaluator: score each competency, check its citations, build the report.
/// </summary>
internal static class RulesReports
{
    public static async Task<Dictionary<string, CompetencyScore>> ScoreAllAsync(IReadOnlyList<ConversationTurn> transcript)
    {
        var evaluator = new RulesEvaluator();
        var scores = new Dictionary<string, CompetencyScore>();
        foreach (var competency in TestPlans.Default.Competencies)
        {
            var score = await evaluator.ScoreAsync(TestPlans.Default, competency, transcript, CancellationToken.None);
            scores[competency.Name] = CitationCheck.Validate(score, transcript);
        }

        return scores;
    }

    public static async Task<EvaluationReport> BuildAsync(IReadOnlyList<ConversationTurn> transcript) =>
        ReportBuilder.Build(
            "iv-1", 1, [.. (await ScoreAllAsync(transcript)).Values], transcript, new RulesEvaluator(), FixedClock.Start.UtcDateTime);
}
