using Interview.Core.Domain;
using Interview.Core.Rules;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Rules;

/// <summary>How <see cref="RulesBrain"/> opens, picks questions, changes phase and concludes.</summary>
public sealed class RulesBrainTests
{
    [Fact]
    public async Task Greeting_uses_candidate_name_and_role_and_asks_the_first_intro_question()
    {
        var plan = TestPlans.Default;
        var first = plan.Phase("intro").Questions[0];
        var state = new SessionState("iv-1", "intro", [], [], [], 0, default, default, SessionStatus.Active,
            plan.Id, "Platform Engineer", "Ada", InterviewProgress.Empty);

        var reply = await new RulesBrain().OpenAsync(plan, state, CancellationToken.None);

        Assert.StartsWith("Hi Ada, ", reply.Text, StringComparison.Ordinal);
        Assert.Contains("for the Platform Engineer role", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith(first.Text, reply.Text, StringComparison.Ordinal);
        Assert.Equal(ActionType.NewQuestion, reply.Action.ActionType);
        Assert.Equal((first.Id, first.Text), (reply.QuestionId, reply.Question));
    }

    [Fact]
    public async Task Next_question_comes_from_the_current_phase_bank()
    {
        var run = await RulesRun.StartAsync();

        var reply = await run.AnswerAsync(Answers.Detailed);

        var expected = TestPlans.Default.Phase("intro").Questions[1];
        Assert.Equal(ActionType.NewQuestion, reply.Action.ActionType);
        Assert.Null(reply.Action.NextPhase);
        Assert.Equal((expected.Id, expected.Text), (reply.QuestionId, reply.Question));
        Assert.EndsWith(expected.Text, reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Question_ids_never_repeat_across_a_whole_interview(bool mixedAnswers)
    {
        string[] answers = mixedAnswers
            ? [Answers.Short, Answers.Detailed, Answers.Vague, Answers.Repeat, Answers.Unsure, Answers.Think, ""]
            : [Answers.Detailed];
        var run = await RulesRun.StartAsync();
        for (var turn = 0; run.State.Status == SessionStatus.Active; turn++)
        {
            Assert.True(turn < 60, "The interview never concluded.");
            await run.AnswerAsync(answers[turn % answers.Length]);
        }

        var ids = run.Replies.Select(r => r.QuestionId).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids, run.State.Progress.AskedQuestionIds);
    }

    [Fact]
    public async Task Spent_phase_budget_moves_to_the_next_phase_with_its_transition_line()
    {
        var run = await RulesRun.StartAsync();
        await run.AnswerAsync(Answers.Detailed);

        var reply = await run.AnswerAsync(Answers.Detailed);

        var technical = TestPlans.Default.Phase("technical");
        Assert.Equal(ActionType.NewQuestion, reply.Action.ActionType);
        Assert.Equal("technical", reply.Action.NextPhase);
        Assert.Equal($"{technical.Transition} {technical.Questions[0].Text}", reply.Text);
        Assert.Equal("technical", run.State.CurrentPhase);
        Assert.DoesNotContain("intro-proud", run.State.Progress.AskedQuestionIds);
    }

    [Fact]
    public async Task No_followups_in_a_phase_that_does_not_allow_them()
    {
        var run = await RulesRun.StartAsync(TestPlans.Small());
        await run.AnswerUntilAsync(s => s.CurrentPhase == "wrap");

        var reply = await run.AnswerAsync(Answers.Short);

        Assert.Equal(ActionType.NewQuestion, reply.Action.ActionType);
        Assert.Equal("z2", reply.QuestionId);
    }

    [Fact]
    public async Task Concludes_after_the_closing_answer()
    {
        var run = await RulesRun.StartAsync(candidateName: "Ada");
        await run.AnswerUntilAsync(s => s.CurrentPhase == "closing");

        var reply = await run.AnswerAsync("No questions from me, thanks.");

        Assert.Equal(ActionType.Conclude, reply.Action.ActionType);
        Assert.Equal($"Thank you, Ada. {TestPlans.Default.ClosingRemark}", reply.Text);
        Assert.Equal(SessionStatus.Concluded, run.State.Status);
    }

    [Theory]
    [InlineData(Answers.Detailed)]
    [InlineData(Answers.Short)]
    public async Task Concludes_when_questions_asked_reaches_the_plan_budget(string answer)
    {
        var run = await RulesRun.StartAsync(TestPlans.Small(maxQuestions: 3));
        await run.AnswerAsync(answer);
        await run.AnswerAsync(answer);
        Assert.Equal(3, run.State.QuestionsAsked);

        var reply = await run.AnswerAsync(answer);

        Assert.Equal(ActionType.Conclude, reply.Action.ActionType);
        Assert.Equal(SessionStatus.Concluded, run.State.Status);
        Assert.Equal(3, run.State.QuestionsAsked);
    }

    [Fact]
    public async Task Nearly_spent_budget_jumps_to_the_last_phase_so_the_interview_still_closes()
    {
        var run = await RulesRun.StartAsync(TestPlans.Small(maxQuestions: 6));
        await run.AnswerUntilAsync(s => s.QuestionsAsked == 4);
        Assert.Equal("deep", run.State.CurrentPhase);

        var reply = await run.AnswerAsync(Answers.Detailed);

        Assert.Equal(ActionType.NewQuestion, reply.Action.ActionType);
        Assert.Equal("wrap", reply.Action.NextPhase);
        Assert.Equal("Last part. Question z1?", reply.Text);
        Assert.Equal("wrap", run.State.CurrentPhase);
        Assert.DoesNotContain("d3", run.State.Progress.AskedQuestionIds);
    }

    [Fact]
    public async Task Competency_keywords_fill_topics_and_insights()
    {
        var run = await RulesRun.StartAsync();

        var reply = await run.AnswerAsync("I led the move to a cache in front of the database, which cut latency from 300 ms to 40 ms.");

        Assert.Equal(["system_design", "leadership"], reply.NewTopics);
        Assert.Equal(["system_design", "leadership"], run.State.TopicsCovered);
        Assert.Contains("System design: mentioned cache, database, latency", run.State.Insights);
        Assert.Contains("Leadership: mentioned led", run.State.Insights);
        Assert.Contains("Backs answers with concrete examples and numbers", run.State.Insights);
    }

    [Fact]
    public async Task Competency_insight_is_noted_only_the_first_time_it_is_covered()
    {
        var run = await RulesRun.StartAsync();
        await run.AnswerAsync("We put a cache in front of the database because reads were far too slow for the product team.");

        var reply = await run.AnswerAsync("Later we added a cache for sessions too, since the first cache worked so well for everybody.");

        Assert.Contains("system_design", reply.NewTopics!);
        Assert.DoesNotContain(reply.NewInsights!, i => i.StartsWith("System design", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Same_state_and_answer_give_the_same_reply()
    {
        var run = await RulesRun.StartAsync();
        await run.AnswerAsync(Answers.Short);
        var plan = TestPlans.Default;

        var first = await new RulesBrain().DecideAsync(plan, run.State, Answers.Vague, CancellationToken.None);
        var second = await new RulesBrain().DecideAsync(plan, run.State, Answers.Vague, CancellationToken.None);

        Assert.Equal(first with { NewTopics = null, NewInsights = null }, second with { NewTopics = null, NewInsights = null });
        Assert.Equal(first.NewTopics, second.NewTopics);
        Assert.Equal(first.NewInsights, second.NewInsights);
    }
}
