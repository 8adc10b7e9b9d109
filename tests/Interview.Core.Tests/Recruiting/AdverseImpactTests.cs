using Interview.Core.Recruiting;

namespace Interview.Core.Tests.Recruiting;

/// <summary>Selection rates and impact ratios against a worked example, computed by hand below.</summary>
public sealed class AdverseImpactTests
{
    // female/white 10 (6 advanced, AI 7), male/white 10 (8, 8), female/asian 5 (2, 3), male/asian 5 (4, 4); one who preferred
    // not to say their sex, one who told nothing.
    private static readonly AdverseImpactReport Report = AdverseImpact.Of(
    [
        .. Group("female", "white", 10, advanced: 6, ai: 7), .. Group("male", "white", 10, advanced: 8, ai: 8),
        .. Group("female", "asian", 5, advanced: 2, ai: 3), .. Group("male", "asian", 5, advanced: 4, ai: 4),
        new AuditedCandidate(new Demographics(Demographics.PreferNotToSay, "white"), "advance", "yes"),
        new AuditedCandidate(null, "advance", "yes"),
    ]);

    [Fact]
    public void By_sex_the_rates_are_the_share_advanced_and_the_ratio_is_to_the_highest()
    {
        var (female, male) = (Row(Report.Sex, "female"), Row(Report.Sex, "male"));

        Assert.Equal((15, 8, 8.0 / 15, 12), (female.Candidates, female.Advanced, female.SelectionRate!.Value, male.Advanced));
        Assert.Equal(0.8, male.SelectionRate!.Value, 10);
        Assert.Equal((8.0 / 15) / 0.8, female.ImpactRatio!.Value, 10); // 0.667: under the four-fifths rule of thumb
        Assert.Equal(1.0, male.ImpactRatio!.Value, 10);
        Assert.Equal((10.0 / 15) / (12.0 / 15), female.AiImpactRatio!.Value, 10); // the AI's yes: 0.833
    }

    [Fact]
    public void By_race_and_intersectionally_and_empty_categories_are_null_and_flagged()
    {
        Assert.Equal(0.6 / 0.7, Row(Report.RaceEthnicity, "asian").ImpactRatio!.Value, 10);
        var hispanic = Row(Report.RaceEthnicity, "hispanic_or_latino");
        Assert.Equal((0, null, null, true), (hispanic.Candidates, hispanic.SelectionRate, hispanic.ImpactRatio, hispanic.SmallSample));
        Assert.Equal(0.75, Row(Report.Intersectional, "female/white").ImpactRatio!.Value, 10);
        Assert.Equal(0.5, Row(Report.Intersectional, "female/asian").ImpactRatio!.Value, 10);
        Assert.Equal(2 * 7, Report.Intersectional.Count);
    }

    [Fact]
    public void Unknown_categories_are_counted_apart_and_a_small_category_does_not_set_the_highest_rate()
    {
        Assert.Equal((32, 2, 5), (Report.Candidates, Report.Unknown, Report.SmallSampleBelow));

        var small = AdverseImpact.Of(
            [.. Group("female", "white", 10, advanced: 5, ai: 5), .. Group("male", "white", 2, advanced: 2, ai: 2)]);

        Assert.True(Row(small.Sex, "male").SmallSample);
        Assert.Equal(1.0, Row(small.Sex, "female").ImpactRatio!.Value, 10); // the 2 of 2 men are too few to be the reference
    }

    [Fact]
    public void Only_the_listed_categories_are_valid()
    {
        Assert.True(new Demographics("female", "two_or_more_races").IsValid);
        Assert.False(new Demographics("woman", "white").IsValid);
        Assert.False(new Demographics("male", "martian").IsValid);
    }

    private static CategoryImpact Row(IReadOnlyList<CategoryImpact> rows, string category) => rows.Single(r => r.Category == category);

    private static IEnumerable<AuditedCandidate> Group(string sex, string race, int count, int advanced, int ai) =>
        Enumerable.Range(0, count).Select(i => new AuditedCandidate(new Demographics(sex, race), i < advanced ? "advance" : "reject",
            i < ai ? "yes" : "no"));
}
