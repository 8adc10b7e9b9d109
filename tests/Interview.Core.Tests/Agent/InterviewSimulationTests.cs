using Interview.Core.Speech;
using Interview.Core.Telemetry;
using System.Text.Json;
using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Plans;
using Interview.Core.Rules;
using Interview.Core.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interview.Core.Tests.Agent;

/// <summary>Whole interviews through <see cref="InterviewerAgent"/> and <see cref="RulesBrain"/>, as a candidate would have them.</summary>
public sealed class InterviewSimulationTests
{
    private static readonly InterviewPlan Plan = TestPlans.Default;

    [Fact]
    public async Task Detailed_answers_go_through_every_phase_in_order_and_conclude()
    {
        var (responses, state) = await InterviewAsync(NewAgent(), "iv-1", [Answers.Detailed]);

        var phases = state.ConversationHistory.Where(t => t.Role == Roles.Interviewer).Select(t => t.Phase).Distinct();
        Assert.Equal(["intro", "technical", "behavioral", "closing"], phases);
        Assert.False(responses[^1].ShouldContinue);
        Assert.Equal(ActionType.Conclude, responses[^1].Action.ActionType);
        Assert.Equal(SessionStatus.Concluded, state.Status);
        Assert.InRange(state.QuestionsAsked, 1, Plan.MaxQuestions);
        Assert.Equal(Plan.Phases.Sum(p => p.MaxQuestions), state.Progress.AskedQuestionIds.Count);
    }

    [Fact]
    public async Task Mix_of_short_and_detailed_answers_still_concludes_within_budget()
    {
        var (responses, state) = await InterviewAsync(NewAgent(), "iv-1", [Answers.Short, Answers.Detailed, Answers.Vague, Answers.Short]);

        Assert.False(responses[^1].ShouldContinue);
        Assert.Equal(SessionStatus.Concluded, state.Status);
        Assert.InRange(state.QuestionsAsked, 1, Plan.MaxQuestions);
        Assert.All(responses[..^1], r => Assert.True(r.ShouldContinue));
    }

    [Fact]
    public async Task Interleaved_interviews_through_one_agent_match_separate_runs()
    {
        string[] alice = [Answers.Detailed, Answers.Short, Answers.Repeat, Answers.Vague];
        string[] bob = [Answers.Short, Answers.Unsure, Answers.Detailed];
        var aliceAlone = await InterviewAsync(NewAgent(), "alice", alice, "Alice");
        var bobAlone = await InterviewAsync(NewAgent(), "bob", bob, "Bob");

        var shared = NewAgent();
        var a = await shared.StartInterviewAsync("alice", new StartOptions("Alice"), TestPlans.DefaultPinned,
            new TurnClock("test"), null, CancellationToken.None);
        var b = await shared.StartInterviewAsync("bob", new StartOptions("Bob"), TestPlans.DefaultPinned,
            new TurnClock("test"), null, CancellationToken.None);
        List<AgentResponse> aliceReplies = [a.Response], bobReplies = [b.Response];
        for (var turn = 0; a.State.Status == SessionStatus.Active || b.State.Status == SessionStatus.Active; turn++)
        {
            Assert.True(turn < 60, "The interviews never concluded.");
            if (a.State.Status == SessionStatus.Active)
            {
                a = await shared.ProcessTurnAsync(TurnInput.FromText(alice[turn % alice.Length]), a.State, new TurnClock("test"), null,
                    CancellationToken.None);
                aliceReplies.Add(a.Response);
            }

            if (b.State.Status == SessionStatus.Active)
            {
                b = await shared.ProcessTurnAsync(TurnInput.FromText(bob[turn % bob.Length]), b.State, new TurnClock("test"), null,
                    CancellationToken.None);
                bobReplies.Add(b.Response);
            }
        }

        Assert.Equal(Json(aliceAlone), Json((aliceReplies, a.State)));
        Assert.Equal(Json(bobAlone), Json((bobReplies, b.State)));
    }

    private static async Task<(List<AgentResponse> Responses, SessionState State)> InterviewAsync(
        InterviewerAgent agent, string interviewId, string[] answers, string? name = null)
    {
        var (response, state) =
            await agent.StartInterviewAsync(interviewId, new StartOptions(name), TestPlans.DefaultPinned,
                new TurnClock("test"), null, CancellationToken.None);
        List<AgentResponse> responses = [response];
        for (var turn = 0; state.Status == SessionStatus.Active; turn++)
        {
            Assert.True(turn < 60, "The interview never concluded.");
            (response, state) = await agent.ProcessTurnAsync(TurnInput.FromText(answers[turn % answers.Length]), state,
                new TurnClock("test"), null, CancellationToken.None);
            responses.Add(response);
        }

        return (responses, state);
    }

    private static string Json((List<AgentResponse> Responses, SessionState State) run) =>
        JsonSerializer.Serialize(new { run.Responses, run.State });

    private static InterviewerAgent NewAgent() =>
        new(new RulesBrain(), new InMemoryAudioStore(), TestPlanLibrary.Create(), new AudioGate(300), new FixedClock(),
            NullLogger<InterviewerAgent>.Instance);
}
