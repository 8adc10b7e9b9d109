using System.Globalization;
using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Evaluation;

public sealed class ReportBuilderTests
{
    private static readonly DateTime Now = FixedClock.Start.UtcDateTime;

    [Theory]
    [InlineData("4,5", 5)]
    [InlineData("2,3", 3)]
    [InlineData("3,3,4", 3)]
    [InlineData("1,2,2", 2)]
    [InlineData("5,5,5,5,5,5", 5)]
    public void Overall_score_is_the_mean_rounded_half_up(string scores, int overall) =>
        Assert.Equal(overall, Build(Scores(scores)).Overall.Score);

    [Theory]
    [InlineData("5,5,5,4", "strong_yes")]
    [InlineData("5,4,4,4", "strong_yes")]
    [InlineData("5,4,4,4,4,4", "yes")]
    [InlineData("4,4,4,4", "yes")]
    [InlineData("4,3,3,3", "yes")]
    [InlineData("3,3,3,3", "no")]
    [InlineData("3,2,2,2", "no")]
    [InlineData("2,2,2,2", "strong_no")]
    [InlineData("1,1,1,1", "strong_no")]
    public void Recommendation_follows_the_mean_thresholds(string scores, string recommendation) =>
        Assert.Equal(recommendation, Build(Scores(scores)).Overall.Recommendation);

    [Fact]
    public void Strengths_are_competencies_scoring_four_or_more()
    {
        var report = Build(Scores("5,4,3,2,1"));

        Assert.Equal(["c0: Rationale 0.", "c1: Rationale 1."], report.Strengths);
    }

    [Fact]
    public void Concerns_are_competencies_scoring_two_or_less_with_the_flag_when_there_is_one()
    {
        var scores = Scores("5,4,3,2,1");
        scores[3] = scores[3] with { Flagged = "Score capped at 2: no evidence cited." };

        var report = Build(scores);

        Assert.Equal(["c3: Score capped at 2: no evidence cited.", "c4: Rationale 4."], report.Concerns);
    }

    [Fact]
    public void Each_candidate_turn_that_instructs_the_evaluator_adds_one_concern()
    {
        var transcript = Transcripts.Of([Answers.Detailed, .. Transcripts.InjectionAnswers]);

        var concerns = ReportBuilder.Build("iv-1", 1, Scores("3,3"), transcript, new RulesEvaluator(), Now).Concerns;

        Assert.Equal(
            ["The answer at turn 3 tried to instruct the evaluator; it was not used as evidence.",
                "The answer at turn 5 tried to instruct the evaluator; it was not used as evidence."],
            concerns);
    }

    [Fact]
    public void Competencies_are_listed_by_name()
    {
        var scores = new List<CompetencyScore> { Score("system_design", 3), Score("collaboration", 4), Score("learning", 2) };

        Assert.Equal(["collaboration", "learning", "system_design"], Build(scores).Competencies.Select(c => c.Name));
    }

    [Fact]
    public void Report_records_who_scored_it_with_which_rubric_and_prompt()
    {
        var evaluator = new FixedEvaluator(c => Score(c.Name, 3), "azure-openai:gpt-test", "evaluator-test-1");

        var report = ReportBuilder.Build("iv-7", 2, Scores("3,4"), [], evaluator, Now);

        Assert.Equal(("iv-7", 2, EvaluationStatus.Completed, Now), (report.InterviewId, report.Version, report.Status, report.CreatedAt));
        Assert.Equal(RulesEvaluator.RubricVersion, report.RubricVersion);
        Assert.Equal("azure-openai:gpt-test", report.Evaluator);
        Assert.Equal("evaluator-test-1", report.PromptVersion);
    }

    private static EvaluationReport Build(IReadOnlyList<CompetencyScore> scores) =>
        ReportBuilder.Build("iv-1", 1, scores, [], new RulesEvaluator(), Now);

    /// <summary>"5,4" gives c0 scoring 5 and c1 scoring 4, each with rationale "Rationale {index}.".</summary>
    private static List<CompetencyScore> Scores(string values) =>
        values.Split(',').Select((v, i) => Score($"c{i}", int.Parse(v, CultureInfo.InvariantCulture), $"Rationale {i}.")).ToList();

    private static CompetencyScore Score(string name, int value, string rationale = "Because.") => new(name, value, rationale, []);
}
