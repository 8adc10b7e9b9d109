using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Agent;

public sealed class StateTransitionsTests
{
    private static readonly DateTime Now = FixedClock.Start.UtcDateTime.AddMinutes(5);

    private static readonly SessionState InIntro = new(
        "iv-1", "intro", [], ["leadership"], ["Leadership: mentioned led"], 3, FixedClock.Start.UtcDateTime, FixedClock.Start.UtcDateTime,
        SessionStatus.Active, TestPlans.Default.Id, "Software Engineer", null,
        new InterviewProgress(["intro-background"], 1, 1, 1, "Main question?"));

    [Fact]
    public void New_question_counts_the_question_and_records_its_id()
    {
        var next = Apply(Reply(ActionType.NewQuestion, question: "Next?", questionId: "intro-motivation"));

        Assert.Equal(4, next.QuestionsAsked);
        Assert.Equal(["intro-background", "intro-motivation"], next.Progress.AskedQuestionIds);
        Assert.Equal(new InterviewProgress(next.Progress.AskedQuestionIds, 2, 0, 0, "Next?"), next.Progress);
        Assert.Equal(("intro", Now), (next.CurrentPhase, next.LastUpdated));
    }

    [Fact]
    public void New_question_in_the_next_phase_enters_it_and_restarts_the_phase_count()
    {
        var next = Apply(Reply(ActionType.NewQuestion, nextPhase: "technical", questionId: "tech-design"));

        Assert.Equal("technical", next.CurrentPhase);
        Assert.Equal(1, next.Progress.PhaseQuestions);
    }

    [Fact]
    public void Next_phase_the_plan_lacks_is_ignored()
    {
        var next = Apply(Reply(ActionType.NewQuestion, nextPhase: "small-talk", questionId: "intro-motivation"));

        Assert.Equal("intro", next.CurrentPhase);
        Assert.Equal(2, next.Progress.PhaseQuestions);
    }

    [Fact]
    public void Followup_counts_as_a_question_but_keeps_the_main_question_on_the_table()
    {
        var next = Apply(Reply(ActionType.AskFollowup));

        Assert.Equal(4, next.QuestionsAsked);
        Assert.Equal(InIntro.Progress with { FollowupsInARow = 2, ClarificationsInARow = 0 }, next.Progress);
    }

    [Fact]
    public void Clarify_changes_nothing_but_the_clarification_count_and_the_line_said()
    {
        var next = Apply(Reply(ActionType.Clarify));

        var expected = InIntro with
        {
            Progress = InIntro.Progress with { ClarificationsInARow = 2 },
            LastUpdated = Now,
        };
        Assert.Equal(expected, next with { ConversationHistory = InIntro.ConversationHistory });
    }

    [Fact]
    public void A_turn_appends_the_answer_then_the_interviewer_line_with_its_audio_and_phase()
    {
        var answer = new ConversationTurn(Roles.Candidate, "My answer.", "iv-1/candidate/a.wav", Now, "intro");
        var heard = StateTransitions.Hear(InIntro, answer);

        var next = StateTransitions.Apply(TestPlans.Default, heard, Reply(ActionType.NewQuestion, nextPhase: "technical"),
            "iv-1/interviewer/b.wav", Now);

        Assert.Equal(
            [.. InIntro.ConversationHistory, answer,
             new ConversationTurn(Roles.Interviewer, "Interviewer says something.", "iv-1/interviewer/b.wav", Now, "technical",
                 ActionType.NewQuestion)],
            next.ConversationHistory);
    }

    [Fact]
    public void Conclude_sets_status_concluded()
    {
        var next = Apply(Reply(ActionType.Conclude));

        Assert.Equal(SessionStatus.Concluded, next.Status);
        Assert.Equal(InIntro.QuestionsAsked, next.QuestionsAsked);
    }

    [Fact]
    public void Topics_and_insights_merge_without_duplicates_ignoring_case()
    {
        var reply = Reply(ActionType.NewQuestion) with
        {
            NewTopics = ["LEADERSHIP", "system_design", "System_Design", " "],
            NewInsights = ["leadership: mentioned LED", "Learns fast"],
        };

        var next = Apply(reply);

        Assert.Equal(["leadership", "system_design"], next.TopicsCovered);
        Assert.Equal(["Leadership: mentioned led", "Learns fast"], next.Insights);
    }

    [Fact]
    public void Insights_are_capped()
    {
        var full = InIntro with { Insights = [.. Enumerable.Range(1, StateTransitions.MaxInsights - 1).Select(i => $"Insight {i}")] };
        var reply = Reply(ActionType.NewQuestion) with { NewInsights = ["Last one that fits", "One too many"] };

        var next = StateTransitions.Apply(TestPlans.Default, full, reply, null, Now);

        Assert.Equal(StateTransitions.MaxInsights, next.Insights.Count);
        Assert.Equal("Last one that fits", next.Insights[^1]);
    }

    [Fact]
    public void Apply_leaves_the_input_state_untouched()
    {
        var before = InIntro with { };

        Apply(Reply(ActionType.NewQuestion, questionId: "intro-motivation") with { NewTopics = ["learning"] });

        Assert.Equal(before, InIntro);
        Assert.Equal(["intro-background"], InIntro.Progress.AskedQuestionIds);
        Assert.Equal(["leadership"], InIntro.TopicsCovered);
    }

    private static SessionState Apply(BrainReply reply) => StateTransitions.Apply(TestPlans.Default, InIntro, reply, null, Now);

    private static BrainReply Reply(ActionType action, string? nextPhase = null, string? question = null, string? questionId = null) =>
        new(new AgentAction(action, "test", nextPhase), "Interviewer says something.", question, questionId);
}
