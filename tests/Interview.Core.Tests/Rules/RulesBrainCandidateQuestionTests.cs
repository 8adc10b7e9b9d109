using Interview.Core.Domain;
using Interview.Core.Plans;
using Interview.Core.Rules;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Rules;

/// <summary>The candidate's own questions: answered from the plan's facts or passed on, recorded, and never an answer.</summary>
public sealed class RulesBrainCandidateQuestionTests
{
    private static readonly PlanAbout About = new(
        Team: "The team is five engineers and a product manager.",
        NextSteps: "The hiring team replies within a week.",
        Location: "The role is hybrid, two days a week in Berlin.");

    private static InterviewPlan Plan => TestPlans.Default with { About = About };

    [Theory]
    [InlineData("What is the team like?", "The team is five engineers and a product manager.")]
    [InlineData("How big is the team?", "The team is five engineers and a product manager.")]
    [InlineData("Is this role remote?", "The role is hybrid, two days a week in Berlin.")]
    [InlineData("What are the next steps after this?", "The hiring team replies within a week.")]
    public async Task A_question_the_facts_answer_is_answered_and_the_open_question_comes_back(string question, string fact)
    {
        var run = await RulesRun.StartAsync(Plan);
        var open = run.State.Progress.CurrentQuestion;

        var reply = await run.AnswerAsync(question);

        Assert.Equal(ActionType.Clarify, reply.Action.ActionType);
        Assert.Equal($"{fact} Back to my question: {open}", reply.Text);
        var asked = Assert.Single(run.State.CandidateQuestions);
        Assert.Equal((question, QuestionOutcome.Answered, "intro", reply.Text), (asked.Question, asked.Outcome, asked.Phase, asked.Reply));
    }

    [Theory]
    [InlineData("What is the salary range for this position?")]
    [InlineData("Do you sponsor visas?")]
    [InlineData("Who would I report to?")]
    public async Task A_question_the_facts_do_not_answer_is_passed_on_honestly(string question)
    {
        var run = await RulesRun.StartAsync(Plan with { About = About with { Team = null } });

        var reply = await run.AnswerAsync(question);

        Assert.StartsWith(Phrasing.PassOn, reply.Text);
        Assert.Equal(QuestionOutcome.PassedOn, Assert.Single(run.State.CandidateQuestions).Outcome);
    }

    // Found by the persona harness: the default plan has a role fact, and "position" made the salary question one about the role.
    [Theory]
    [InlineData("What's the salary range for this position?")]
    [InlineData("Does the role come with visa sponsorship?")]
    public async Task A_question_about_pay_or_visas_is_passed_on_even_when_it_names_the_role(string question)
    {
        var run = await RulesRun.StartAsync(Plan with { About = About with { Role = "A backend engineering role on the payments team." } });

        var reply = await run.AnswerAsync(question);

        Assert.StartsWith(Phrasing.PassOn, reply.Text);
        Assert.Equal(QuestionOutcome.PassedOn, Assert.Single(run.State.CandidateQuestions).Outcome);
    }

    [Fact]
    public async Task A_plan_without_facts_passes_every_question_on()
    {
        var run = await RulesRun.StartAsync(TestPlans.Default with { About = null });

        var reply = await run.AnswerAsync("What is the team like?");

        Assert.StartsWith(Phrasing.PassOn, reply.Text);
    }

    [Fact]
    public async Task A_question_does_not_count_as_an_answer_nor_spend_the_budget()
    {
        var run = await RulesRun.StartAsync(Plan);
        var before = run.State;

        await run.AnswerAsync("What is the team like?");

        Assert.Equal(before.QuestionsAsked, run.State.QuestionsAsked);
        Assert.Equal(before.Progress.AskedQuestionIds, run.State.Progress.AskedQuestionIds);
        Assert.Equal(before.Progress.ClarificationsInARow, run.State.Progress.ClarificationsInARow);
        Assert.Empty(run.State.TopicsCovered);
        var next = await run.AnswerAsync(Answers.Detailed);
        Assert.Equal("intro-motivation", next.QuestionId);
    }

    [Fact]
    public async Task A_repeat_request_is_not_taken_for_a_question_of_their_own()
    {
        var run = await RulesRun.StartAsync(Plan);

        await run.AnswerAsync("Sorry, could you repeat the question?");

        Assert.Empty(run.State.CandidateQuestions);
    }

    [Fact]
    public async Task A_question_inside_an_answer_is_answered_and_the_answer_still_counts()
    {
        var run = await RulesRun.StartAsync(Plan);

        var reply = await run.AnswerAsync($"{Answers.Detailed} By the way, is the role remote?");

        Assert.Equal(ActionType.NewQuestion, reply.Action.ActionType);
        Assert.StartsWith(About.Location, reply.Text);
        Assert.Equal("intro-motivation", reply.QuestionId);
        Assert.Single(run.State.CandidateQuestions);
    }

    [Fact]
    public async Task A_rhetorical_question_in_an_answer_is_not_answered()
    {
        var run = await RulesRun.StartAsync(Plan);

        await run.AnswerAsync("What did I do? At my last job I led the move of billing onto a queue and cut p99 latency from 900 to 120 " +
            "ms.");

        Assert.Empty(run.State.CandidateQuestions);
    }

    [Fact]
    public async Task After_three_questions_in_a_row_the_interview_carries_on()
    {
        var run = await RulesRun.StartAsync(Plan);
        for (var i = 1; i < RulesBrain.MaxCandidateQuestionsInARow; i++)
        {
            Assert.Equal(ActionType.Clarify, (await run.AnswerAsync("What is the team like?")).Action.ActionType);
        }

        var reply = await run.AnswerAsync("And is it remote?");

        Assert.Equal(ActionType.NewQuestion, reply.Action.ActionType);
        Assert.Equal(RulesBrain.MaxCandidateQuestionsInARow, run.State.CandidateQuestions.Count);
    }

    [Fact]
    public async Task In_the_closing_phase_a_question_is_answered_with_an_invitation_to_ask_more_and_a_no_concludes()
    {
        var run = await RulesRun.StartAsync(Plan);
        await run.AnswerUntilAsync(s => s.CurrentPhase == "closing");

        var reply = await run.AnswerAsync("What happens next?");
        Assert.Equal($"{About.NextSteps} Is there anything else you'd like to know?", reply.Text);

        var last = await run.AnswerAsync("No, that's all, thanks.");
        Assert.Equal(ActionType.Conclude, last.Action.ActionType);
        Assert.Equal(SessionStatus.Concluded, run.State.Status);
    }
}
