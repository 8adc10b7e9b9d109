using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Rules;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Rules;

/// <summary>When <see cref="RulesBrain"/> probes an answer instead of moving on.</summary>
public sealed class RulesBrainFollowupTests
{
    [Fact]
    public async Task Short_answer_gets_a_followup_asking_for_more()
    {
        var run = await RulesRun.StartAsync();

        var reply = await run.AnswerAsync(Answers.Short);

        AssertFollowup(reply, Phrasing.ShortFollowup(run.Heard));
    }

    [Fact]
    public async Task Vague_answer_without_example_or_numbers_gets_a_followup_asking_for_specifics()
    {
        var run = await RulesRun.StartAsync();

        var reply = await run.AnswerAsync(Answers.Vague);

        AssertFollowup(reply, Phrasing.ExampleFollowup(run.Heard));
    }

    [Fact]
    public async Task Unsure_answer_gets_a_followup_inviting_the_candidate_to_reason_it_through()
    {
        var run = await RulesRun.StartAsync();

        var reply = await run.AnswerAsync(Answers.Unsure);

        AssertFollowup(reply, Phrasing.UnsureFollowup(run.Heard));
    }

    [Fact]
    public async Task Unsure_answer_gets_the_unsure_followup_even_when_otherwise_detailed()
    {
        var run = await RulesRun.StartAsync();

        var reply = await run.AnswerAsync("I'm not sure, honestly, but at my last job I built a cache that handled 5000 requests per second.");

        AssertFollowup(reply, Phrasing.UnsureFollowup(run.Heard));
    }

    [Theory]
    [InlineData(Answers.Detailed)]
    [InlineData("At my last job I led the rewrite of our search service and the team was happy with how it turned out.")]
    [InlineData("Our search service handled about 3000 queries a second and it stayed fast enough for the product's needs.")]
    public async Task Detailed_answer_with_an_example_or_numbers_gets_no_followup(string answer)
    {
        var run = await RulesRun.StartAsync();

        var reply = await run.AnswerAsync(answer);

        Assert.Equal(ActionType.NewQuestion, reply.Action.ActionType);
        Assert.Equal("intro-motivation", reply.QuestionId);
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
    public async Task Followup_budget_starts_again_with_each_new_question()
    {
        var run = await RulesRun.StartAsync();
        await run.AnswerAsync(Answers.Short);
        await run.AnswerAsync(Answers.Short);

        var reply = await run.AnswerAsync(Answers.Short);

        Assert.Equal(ActionType.AskFollowup, reply.Action.ActionType);
    }

    private static void AssertFollowup(BrainReply reply, string expectedText)
    {
        Assert.Equal(ActionType.AskFollowup, reply.Action.ActionType);
        Assert.Equal(expectedText, reply.Text);
        Assert.Null(reply.Action.NextPhase);
        Assert.Null(reply.QuestionId);
    }
}
