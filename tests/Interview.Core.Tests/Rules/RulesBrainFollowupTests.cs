using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Rules;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Rules;

/// <summary>
/// When <see cref="RulesBrain"/> probes an answer instead of moving on: only when something is missing, once per
/// question (unless the plan allows more), and naming what is missing.
/// </summary>
public sealed class RulesBrainFollowupTests
{
    [Fact]
    public async Task Brief_answer_to_the_background_question_gets_a_followup_asking_what_they_do()
    {
        var run = await RulesRun.StartAsync();

        var reply = await run.AnswerAsync(Answers.Short);

        AssertFollowup(reply, Phrasing.DetailFollowup(run.Heard));
    }

    [Fact]
    public async Task Answer_without_a_concrete_example_gets_a_followup_asking_for_one()
    {
        var run = await AtCompetencyQuestionAsync();

        var reply = await run.AnswerAsync(Answers.Vague);

        AssertFollowup(reply, Phrasing.ExampleFollowup(run.Heard));
    }

    [Fact]
    public async Task Concrete_answer_without_a_measurable_result_gets_a_followup_asking_for_the_result()
    {
        var run = await AtCompetencyQuestionAsync();

        var reply = await run.AnswerAsync("At my last job I led the rewrite of our search service and the team was happy with how it " +
            "turned out.");

        AssertFollowup(reply, Phrasing.ResultFollowup(run.Heard));
    }

    [Fact]
    public async Task Answer_about_what_the_team_did_gets_a_followup_asking_for_the_candidates_own_part()
    {
        var run = await AtCompetencyQuestionAsync();

        var reply = await run.AnswerAsync(
            "When our checkout got slow last year we profiled the service, we batched the pricing queries and latency dropped from 900 " +
                "to 180 milliseconds.");

        AssertFollowup(reply, Phrasing.OwnPartFollowup(run.Heard));
    }

    [Fact]
    public async Task Unsure_answer_gets_a_followup_inviting_the_candidate_to_reason_it_through()
    {
        var run = await AtCompetencyQuestionAsync();

        var reply = await run.AnswerAsync("I'm not sure, I have never done anything like that, to be honest with you.");

        AssertFollowup(reply, Phrasing.UnsureFollowup(run.Heard));
    }

    [Theory]
    [InlineData(Answers.Detailed)]
    [InlineData("I took a 6-hour batch job down to 40 minutes by partitioning the tables and switching to incremental loads at my last " +
        "company.")]
    [InlineData("When checkout latency doubled, I profiled it, found N+1 queries in the pricing service, batched them, and p95 dropped " +
        "from 900 to 180 milliseconds in two days.")]
    [InlineData("Last year our nightly import kept failing, so I added retries and idempotent writes, and failures fell from five a week " +
        "to zero.")]
    public async Task Answer_with_a_concrete_example_and_a_measured_result_gets_no_followup(string answer)
    {
        var run = await AtCompetencyQuestionAsync();

        var reply = await run.AnswerAsync(answer);

        Assert.Equal(ActionType.NewQuestion, reply.Action.ActionType);
        Assert.Equal("tech-design", reply.QuestionId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task At_most_max_followups_per_question_in_a_row_then_moves_on(int maxFollowups)
    {
        var run = await RulesRun.StartAsync(TestPlans.Small(maxFollowups: maxFollowups));

        for (var i = 0; i < maxFollowups; i++)
        {
            Assert.Equal(ActionType.AskFollowup, (await run.AnswerAsync(Answers.Short)).Action.ActionType);
        }

        var reply = await run.AnswerAsync(Answers.Short);

        Assert.Equal(ActionType.NewQuestion, reply.Action.ActionType);
        Assert.Equal("w2", reply.QuestionId);
    }

    [Fact]
    public async Task The_default_plan_follows_up_at_most_once_per_question()
    {
        var run = await AtCompetencyQuestionAsync();
        Assert.Equal(ActionType.AskFollowup, (await run.AnswerAsync(Answers.Vague)).Action.ActionType);

        var reply = await run.AnswerAsync(Answers.Vague);

        Assert.Equal(ActionType.NewQuestion, reply.Action.ActionType);
    }

    [Fact]
    public async Task Followup_budget_starts_again_with_each_new_question()
    {
        var run = await RulesRun.StartAsync();
        await run.AnswerAsync(Answers.Short);
        await run.AnswerAsync(Answers.Short);

        var reply = await run.AnswerAsync(Answers.Vague);

        Assert.Equal(ActionType.AskFollowup, reply.Action.ActionType);
    }

    /// <summary>Past the background question, at one that probes a competency.</summary>
    private static async Task<RulesRun> AtCompetencyQuestionAsync()
    {
        var run = await RulesRun.StartAsync();
        Assert.Equal("intro-motivation", (await run.AnswerAsync(Answers.Detailed)).QuestionId);
        return run;
    }

    private static void AssertFollowup(BrainReply reply, string? expectedText)
    {
        Assert.Equal(ActionType.AskFollowup, reply.Action.ActionType);
        Assert.Equal(expectedText, reply.Text);
        Assert.Null(reply.Action.NextPhase);
        Assert.Null(reply.QuestionId);
    }
}
