using Interview.Core.Evaluation;

namespace Interview.Core.Recruiting;

/// <summary>An AI evaluation and the latest human review of it: what calibration compares.</summary>
public sealed record ReviewedEvaluation(EvaluationReport Report, Review Review);

/// <summary>
/// How the AI's scores agree with the reviewers' on one competency (or overall), 1 to 5: the share that are equal, the
/// mean absolute difference, and quadratic weighted kappa (null when it is undefined: every score the same). Null
/// figures when nothing was reviewed.
/// </summary>
public sealed record ScoreAgreement(
    string Competency, int Reviewed, double? ExactAgreement, double? MeanAbsoluteDifference, double? QuadraticWeightedKappa);

/// <summary>How many reviewed interviews had this AI recommendation and this human decision.</summary>
public sealed record RecommendationCell(string Recommendation, string Decision, int Count);

/// <summary>Calibration of the AI against the hiring team, with a warning when there are too few reviews to trust it.</summary>
public sealed record CalibrationReport(
    int Reviewed, bool SmallSample, int SmallSampleBelow, IReadOnlyList<ScoreAgreement> Competencies, ScoreAgreement Overall,
    IReadOnlyList<RecommendationCell> Recommendations);

/// <summary>
/// The AI's scores against the human reviews of them. A reviewer who did not override a competency agreed with the AI's
/// score; the human overall is the overall of the scores after the overrides (<see cref="ReportBuilder.Overall"/>).
/// </summary>
public static class Calibration
{
    /// <summary>Below this many reviewed interviews the figures are marked as a small sample.</summary>
    public const int SmallSampleBelow = 30;

    public static CalibrationReport Of(IReadOnlyList<ReviewedEvaluation> reviewed)
    {
        var byCompetency = new SortedDictionary<string, List<(int Ai, int Human)>>(StringComparer.Ordinal);
        var overall = new List<(int Ai, int Human)>();
        foreach (var (report, review) in reviewed)
        {
            var finals = report.Competencies.Select(c => (c.Name, Ai: c.Score,
                Human: (review.Overrides ?? []).FirstOrDefault(o => o.Competency == c.Name)?.Score ?? c.Score)).ToList();
            foreach (var (name, ai, human) in finals)
            {
                (byCompetency.TryGetValue(name, out var pairs) ? pairs : byCompetency[name] = []).Add((ai, human));
            }

            overall.Add((report.Overall.Score, ReportBuilder.Overall(finals.Select(f => f.Human))));
        }

        var table = ReportBuilder.Recommendations
            .SelectMany(r => Review.Decisions.Order(StringComparer.Ordinal).Select(d => new RecommendationCell(r, d,
                reviewed.Count(x => x.Report.Overall.Recommendation == r && x.Review.Decision == d))))
            .ToList();
        return new CalibrationReport(reviewed.Count, reviewed.Count < SmallSampleBelow, SmallSampleBelow,
            [.. byCompetency.Select(c => Agree(c.Key, c.Value))], Agree("overall", overall), table);
    }

    public static ScoreAgreement Agree(string competency, IReadOnlyList<(int Ai, int Human)> pairs) => pairs.Count == 0
        ? new ScoreAgreement(competency, 0, null, null, null)
        : new ScoreAgreement(competency, pairs.Count, pairs.Count(p => p.Ai == p.Human) / (double)pairs.Count,
            pairs.Average(p => Math.Abs(p.Ai - p.Human)), QuadraticWeightedKappa(pairs));

    /// <summary>
    /// Cohen's kappa with quadratic weights on the 1-5 scale: 1 - sum(w·observed) / sum(w·expected), w = (i-j)²/16, the
    /// expected counts from each rater's own distribution. Null when no disagreement could be expected (one score only).
    /// </summary>
    public static double? QuadraticWeightedKappa(IReadOnlyList<(int A, int B)> pairs, int lowest = 1, int highest = 5)
    {
        var k = highest - lowest + 1;
        var observed = new double[k, k];
        var a = new double[k];
        var b = new double[k];
        foreach (var (x, y) in pairs)
        {
            observed[x - lowest, y - lowest]++;
            a[x - lowest]++;
            b[y - lowest]++;
        }

        double disagreed = 0, expected = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var weight = (i - j) * (i - j) / (double)((k - 1) * (k - 1));
                disagreed += weight * observed[i, j];
                expected += weight * a[i] * b[j] / pairs.Count;
            }
        }

        return expected == 0 ? null : 1 - (disagreed / expected);
    }
}
