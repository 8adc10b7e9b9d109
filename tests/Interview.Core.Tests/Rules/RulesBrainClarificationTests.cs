using Interview.Core.Domain;
using Interview.Core.Rules;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Rules;

/// <summary>When <see cref="RulesBrain"/> clarifies instead of judging an answer, and when it stops clarifying.</summary>
public sealed class RulesBrainClarificationTests
{
    private static readonly string FirstQuestion = TestPlans.Default.Phase("intro").Questions[0].Text;

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_answer_is_clarified_by_asking_the_question_again(string answer)
    {
        var run = await RulesRun.StartAsync();

        var reply = await run.AnswerAsync(answer);

        Assert.Equal(ActionType.Clarify, reply.Action.ActionType);
        Assert.Equal($"Sorry, I didn't catch an answer there. {FirstQuestion}", reply.Text);
    }

    [Fact]
    public async Task Repeat_request_re_asks_the_current_question()
    {
        var run = await RulesRun.StartAsync();

        var reply = await run.AnswerAsync(Answers.Repeat);

        Assert.Equal(ActionType.Clarify, reply.Action.ActionType);
        Assert.Equal($"Of course. {FirstQuestion}", reply.Text);
    }

    [Fact]
    public async Task Repeat_request_after_a_followup_re_asks_the_main_question()
    {
        var run = await RulesRun.StartAsync();
        Assert.Equal(ActionType.AskFollowup, (await run.AnswerAsync(Answers.Short)).Action.ActionType);

        var reply = await run.AnswerAsync(Answers.Repeat);

        Assert.Equal(ActionType.Clarify, reply.Action.ActionType);
        Assert.Equal($"Of course. {FirstQuestion}", reply.Text);
    }

    [Fact]
    public async Task Asking_for_time_is_clarified_without_advancing_the_interview()
    {
        var run = await RulesRun.StartAsync();
        await run.AnswerAsync(Answers.Detailed);
        var before = run.State;

        var reply = await run.AnswerAsync(Answers.Think);

        Assert.Equal(ActionType.Clarify, reply.Action.ActionType);
        Assert.Equal("Take your time, there's no rush. Whenever you're ready.", reply.Text);
        Assert.Equal(before.CurrentPhase, run.State.CurrentPhase);
        Assert.Equal(before.QuestionsAsked, run.State.QuestionsAsked);
        Assert.Equal(before.Progress.AskedQuestionIds, run.State.Progress.AskedQuestionIds);
        Assert.Equal(before.Progress.CurrentQuestion, run.State.Progress.CurrentQuestion);
    }

    [Theory]
    [InlineData(Answers.Repeat)]
    [InlineData(Answers.Think)]
    [InlineData("")]
    public async Task After_max_clarifications_in_a_row_it_stops_clarifying(string answer)
    {
        var run = await RulesRun.StartAsync();
        for (var i = 0; i < RulesBrain.MaxClarificationsInARow; i++)
        {
            Assert.Equal(ActionType.Clarify, (await run.AnswerAsync(answer)).Action.ActionType);
        }

        var reply = await run.AnswerAsync(answer);

        Assert.NotEqual(ActionType.Clarify, reply.Action.ActionType);
    }

    [Fact]
    public async Task After_max_clarifications_with_followups_spent_it_moves_to_the_next_question()
    {
        var run = await RulesRun.StartAsync();
        await run.AnswerAsync(Answers.Short);
        for (var i = 0; i < RulesBrain.MaxClarificationsInARow; i++)
        {
            await run.AnswerAsync(Answers.Repeat);
        }

        var reply = await run.AnswerAsync(Answers.Repeat);

        Assert.Equal(ActionType.NewQuestion, reply.Action.ActionType);
        Assert.Equal("intro-motivation", reply.QuestionId);
    }
}
