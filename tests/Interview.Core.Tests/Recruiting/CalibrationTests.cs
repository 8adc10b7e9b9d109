using Interview.Core.Evaluation;
using Interview.Core.Recruiting;

namespace Interview.Core.Tests.Recruiting;

/// <summary>Calibration's arithmetic against values worked out by hand.</summary>
public sealed class CalibrationTests
{
    [Fact]
    public void Quadratic_weighted_kappa_matches_a_hand_computed_example()
    {
        // AI 1,2,3,4 against the reviewers' 1,3,3,4. Disagreement: one pair one step apart, weight 1/16, so 0.0625.
        // Expected: (1/4)·sum(a_i·b_j·(i-j)²)/16 with a = {1,2,3,4} once each, b = {1, 3 twice, 4}: 40/64 = 0.625.
        // Kappa = 1 - 0.0625 / 0.625 = 0.9.
        var agreement = Calibration.Agree("coding", [(1, 1), (2, 3), (3, 3), (4, 4)]);

        Assert.Equal(4, agreement.Reviewed);
        Assert.Equal(0.75, agreement.ExactAgreement);
        Assert.Equal(0.25, agreement.MeanAbsoluteDifference);
        Assert.Equal(0.9, agreement.QuadraticWeightedKappa!.Value, 10);
    }

    [Fact]
    public void Kappa_is_one_for_agreement_minus_one_for_the_mirror_and_undefined_without_spread()
    {
        Assert.Equal(1, Calibration.QuadraticWeightedKappa([(1, 1), (3, 3), (5, 5)]));
        // Reversed: both pairs four steps apart (weight 1), observed 2; expected (1/2)·(1·1 + 1·1) = 1; 1 - 2/1 = -1.
        Assert.Equal(-1, Calibration.QuadraticWeightedKappa([(1, 5), (5, 1)])!.Value, 10);
        Assert.Null(Calibration.QuadraticWeightedKappa([(3, 3), (3, 3)]));
        Assert.Equal(new ScoreAgreement("none", 0, null, null, null), Calibration.Agree("none", []));
    }

    [Fact]
    public void A_competency_not_overridden_counts_as_agreement_and_the_human_overall_uses_the_overrides()
    {
        var reviewed = new List<ReviewedEvaluation>
        {
            // AI: coding 4, design 4 → overall 4, yes. Reviewer lowers design to 2 → human overall (4+2)/2 = 3; holds.
            new(Report("a", ("coding", 4), ("design", 4)), new Review("hold", [new ScoreOverride("design", 2, "thin")], null, null)),
            // AI: coding 2, design 3 → overall 3 (2.5 rounds up), no. No overrides: agreement everywhere; rejects.
            new(Report("b", ("coding", 2), ("design", 3)), new Review("reject", [], null, null)),
        };

        var report = Calibration.Of(reviewed);

        Assert.Equal(2, report.Reviewed);
        Assert.True(report.SmallSample);
        var coding = report.Competencies.Single(c => c.Competency == "coding");
        Assert.Equal((2, 1.0, 0.0), (coding.Reviewed, coding.ExactAgreement!.Value, coding.MeanAbsoluteDifference!.Value));
        var design = report.Competencies.Single(c => c.Competency == "design");
        Assert.Equal((0.5, 1.0), (design.ExactAgreement!.Value, design.MeanAbsoluteDifference!.Value));
        Assert.Equal((0.5, 0.5), (report.Overall.ExactAgreement!.Value, report.Overall.MeanAbsoluteDifference!.Value));
        Assert.Equal(1, Cell(report, "yes", "hold"));
        Assert.Equal(1, Cell(report, "no", "reject"));
        Assert.Equal(12, report.Recommendations.Count); // every recommendation against every decision, zeros included
        Assert.Equal(2, report.Recommendations.Sum(c => c.Count));
    }

    private static int Cell(CalibrationReport report, string recommendation, string decision) =>
        report.Recommendations.Single(c => c.Recommendation == recommendation && c.Decision == decision).Count;

    private static EvaluationReport Report(string id, params (string Name, int Score)[] scores)
    {
        var competencies = scores.Select(s => new CompetencyScore(s.Name, s.Score, "why", [])).ToList();
        return ReportBuilder.Build(id, 1, competencies, [], new RulesEvaluator(), DateTime.UnixEpoch);
    }
}
