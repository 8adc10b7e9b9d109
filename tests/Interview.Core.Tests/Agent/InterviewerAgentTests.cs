using Interview.Core.Telemetry;
using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Plans;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Agent;

/// <summary>Turns through <see cref="InterviewerAgent"/> with a fixed brain; speech is in <see
/// cref="InterviewerAgentSpeechTests"/>.</summary>
public sealed class InterviewerAgentTests
{
    private readonly AgentHarness _h = new();

    [Fact]
    public async Task Text_turn_appends_the_candidate_answer_and_the_interviewer_reply()
    {
        var state = await _h.StartedAsync(_h.Agent());
        _h.Clock.Now = _h.Clock.Now.AddSeconds(30);

        var (response, next) = await _h.Agent().ProcessTurnAsync(TurnInput.FromText("  My answer.  " +
            ""), state, new TurnClock("test"), null, CancellationToken.None);

        var now = _h.Clock.Now.UtcDateTime;
        Assert.Equal(
            [
                state.ConversationHistory[0],
                new ConversationTurn(Roles.Candidate, "My answer.", null, now, "intro"),
                new ConversationTurn(Roles.Interviewer, AgentHarness.Reply.Text, null, now, "intro", ActionType.NewQuestion),
            ],
            next.ConversationHistory);
        Assert.Equal("My answer.", _h.Brain.Answers.Single());
        Assert.Equal(new AgentResponse(AgentHarness.Reply.Text, null, AgentHarness.Reply.Action, true), response);
        Assert.Equal(now, next.LastUpdated);
    }

    [Fact]
    public async Task Turn_never_mutates_the_input_state()
    {
        var started = await _h.StartedAsync(_h.Agent());
        var history = started.ConversationHistory.ToList();
        var state = started with { ConversationHistory = history };
        var snapshot = state with { };

        var (_, next) = await _h.Agent().ProcessTurnAsync(TurnInput.FromText("My answer."), state, new TurnClock("test"), null,
            CancellationToken.None);

        Assert.Equal(snapshot, state);
        Assert.Equal(started.ConversationHistory, history);
        Assert.Equal(started.Progress, state.Progress);
        Assert.NotSame(state, next);
    }

    [Fact]
    public async Task Start_opens_an_active_interview_in_the_first_phase_with_the_greeting()
    {
        var (response, state) =
            await _h.Agent().StartInterviewAsync("iv-1", new StartOptions("Ada"), TestPlans.DefaultPinned,
                new TurnClock("test"), null, CancellationToken.None);

        Assert.Equal(("iv-1", "intro", SessionStatus.Active, "Ada"),
            (state.InterviewId, state.CurrentPhase, state.Status, state.CandidateName));
        Assert.Equal((PlanCatalog.DefaultPlanId, TestPlans.Default.Role), (state.PlanId, state.Role));
        Assert.Equal(new ConversationTurn(Roles.Interviewer, AgentHarness.Reply.Text, null, FixedClock.Start.UtcDateTime, "intro",
            ActionType.NewQuestion),
            Assert.Single(state.ConversationHistory));
        Assert.True(response.ShouldContinue);
    }
}
