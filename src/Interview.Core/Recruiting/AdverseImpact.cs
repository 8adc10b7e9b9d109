namespace Interview.Core.Recruiting;

/// <summary>
/// What a candidate chose to tell about themselves, in the categories New York City's Local Law 144 bias audits use, each
/// with "prefer not to say". Kept apart from the interview: never in a prompt, the transcript, the evaluation or its history.
/// </summary>
public sealed record Demographics(string Sex, string RaceEthnicity)
{
    public const string PreferNotToSay = "prefer_not_to_say";

    public static readonly IReadOnlyList<string> SexCategories = ["female", "male", PreferNotToSay];

    public static readonly IReadOnlyList<string> RaceEthnicityCategories =
    [
        "hispanic_or_latino", "white", "black_or_african_american", "native_hawaiian_or_other_pacific_islander", "asian",
        "american_indian_or_alaska_native", "two_or_more_races", PreferNotToSay,
    ];

    public bool IsValid => SexCategories.Contains(Sex) && RaceEthnicityCategories.Contains(RaceEthnicity);
}

/// <summary>One candidate of the audit: what they told (null: nothing), the team's latest decision, the AI's recommendation.</summary>
public sealed record AuditedCandidate(Demographics? Demographics, string? Decision, string? Recommendation);

/// <summary>
/// One category's figures: candidates, how many the team advanced and the AI recommended (<c>yes</c>, <c>strong_yes</c>),
/// each as a selection rate and as an impact ratio to the category with the highest rate. Null rates for no candidates;
/// a category below the small-sample threshold is flagged and does not set the highest rate.
/// </summary>
public sealed record CategoryImpact(
    string Category, int Candidates, int Advanced, double? SelectionRate, double? ImpactRatio, int AiSelected, double? AiSelectionRate,
    double? AiImpactRatio, bool SmallSample);

/// <summary>The audit: by sex, by race/ethnicity and by both; candidates who told nothing or preferred not to are counted apart.</summary>
public sealed record AdverseImpactReport(
    int Candidates, int Unknown, int SmallSampleBelow, IReadOnlyList<CategoryImpact> Sex, IReadOnlyList<CategoryImpact> RaceEthnicity,
    IReadOnlyList<CategoryImpact> Intersectional);

/// <summary>
/// Selection rates and impact ratios as Local Law 144's rules define them: a category's selection rate is the share of its
/// candidates selected; its impact ratio is that rate over the highest category's rate. "Selected" is the team's advance
/// decision, and separately the AI's yes or strong yes. Candidates in an unknown category ("prefer not to say", or nothing
/// told) are excluded from the rates and counted in <see cref="AdverseImpactReport.Unknown"/>.
/// </summary>
public static class AdverseImpact
{
    /// <summary>A category with fewer candidates than this (or under 2% of them) is flagged, and cannot set the highest rate.</summary>
    public const int SmallSampleBelow = 5;

    public static AdverseImpactReport Of(IReadOnlyList<AuditedCandidate> candidates)
    {
        var known = candidates.Where(c => c.Demographics is { } d && d.Sex != Demographics.PreferNotToSay
            && d.RaceEthnicity != Demographics.PreferNotToSay).ToList();
        var threshold = Math.Max(SmallSampleBelow, (int)Math.Ceiling(known.Count * 0.02));
        var sexes = Demographics.SexCategories.Where(s => s != Demographics.PreferNotToSay).ToList();
        var races = Demographics.RaceEthnicityCategories.Where(r => r != Demographics.PreferNotToSay).ToList();
        return new AdverseImpactReport(candidates.Count, candidates.Count - known.Count, threshold,
            Table(sexes, c => c.Demographics!.Sex, known, threshold),
            Table(races, c => c.Demographics!.RaceEthnicity, known, threshold),
            Table([.. sexes.SelectMany(s => races.Select(r => $"{s}/{r}"))], c => $"{c.Demographics!.Sex}/{c.Demographics.RaceEthnicity}",
                known, threshold));
    }

    private static List<CategoryImpact> Table(IReadOnlyList<string> categories, Func<AuditedCandidate, string> categoryOf,
        IReadOnlyList<AuditedCandidate> known, int threshold)
    {
        var rows = categories.Select(category =>
        {
            var members = known.Where(c => categoryOf(c) == category).ToList();
            int advanced = members.Count(c => c.Decision == "advance"), ai = members.Count(c => c.Recommendation is "yes" or "strong_yes");
            return (category, members.Count, advanced, ai, Rate(advanced, members.Count), Rate(ai, members.Count));
        }).ToList();
        var counted = rows.Where(r => r.Count >= threshold).ToList();
        var highest = counted.Select(r => r.Item5).Max();
        var highestAi = counted.Select(r => r.Item6).Max();
        return [.. rows.Select(r => new CategoryImpact(r.category, r.Count, r.advanced, r.Item5, Ratio(r.Item5, highest), r.ai, r.Item6,
            Ratio(r.Item6, highestAi), r.Count < threshold))];
    }

    private static double? Rate(int selected, int total) => total == 0 ? null : (double)selected / total;

    private static double? Ratio(double? rate, double? highest) => rate is { } r && highest is > 0 ? r / highest.Value : null;
}
