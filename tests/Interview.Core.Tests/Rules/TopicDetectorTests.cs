using Interview.Core.Rules;
using Interview.Core.Tests.TestDoubles;
using Interview.Core.Utterances;

namespace Interview.Core.Tests.Rules;

public sealed class TopicDetectorTests
{
    [Theory]
    [InlineData("We sharded the database by tenant", "system_design")]
    [InlineData("I mentored two juniors on the team", "collaboration")]
    [InlineData("We profiled it and found the bottleneck", "problem_solving")]
    [InlineData("I refactored it and added unit tests", "coding_practices")]
    public void Keyword_stems_cover_their_competency(string answer, string competency) =>
        Assert.Contains(competency, Detect(answer).Topics);

    // "scale" is a stem that misses its commonest form; "caching" is listed for the same reason.
    [Fact]
    public void Scaling_covers_system_design() =>
        Assert.Contains("system_design", Detect("We kept scaling the service horizontally").Topics);

    [Theory]
    [InlineData("We moved the whole office to a new city last spring", "coding_practices")]
    [InlineData("I worked on the general ledger for the payments product", "leadership")]
    public void Short_keywords_do_not_match_inside_unrelated_words(string answer, string competency) =>
        Assert.DoesNotContain(competency, Detect(answer).Topics);

    [Fact]
    public void Already_covered_competency_is_reported_again_but_without_a_new_insight()
    {
        var (topics, insights) = Detect("We cached hot keys in front of the database", ["system_design"]);

        Assert.Equal(["system_design"], topics);
        Assert.Empty(insights);
    }

    [Fact]
    public void Insight_names_at_most_three_matched_keywords()
    {
        var (_, insights) = Detect("A distributed cache, a queue, a database and a replica");

        Assert.Equal("System design: mentioned distributed, cache, queue", Assert.Single(insights));
    }

    [Fact]
    public void Uncertainty_and_concrete_evidence_are_noted_as_insights()
    {
        Assert.Contains("Expressed uncertainty on some questions", Detect("I don't know").Insights);
        Assert.Contains("Backs answers with concrete examples and numbers", Detect("At my last job we had 12 services").Insights);
    }

    private static (IReadOnlyList<string> Topics, IReadOnlyList<string> Insights) Detect(string answer,
        IReadOnlyList<string>? covered = null) =>
        TopicDetector.Detect(TestPlans.Default, answer, AnswerAnalysis.Of(answer), covered ?? []);
}
