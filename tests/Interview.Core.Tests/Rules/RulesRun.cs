using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Plans;
using Interview.Core.Rules;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Rules;

/// <summary>
/// Drives <see cref="RulesBrain"/> turn by turn the way the agent does (candidate turn appended, reply applied,
/// interviewer turn appended) but without speech or storage, so each rule can be reached in a few answers.
/// </summary>
internal sealed class RulesRun
{
    private static readonly DateTime Now = FixedClock.Start.UtcDateTime;
    private readonly RulesBrain _brain = new();

    private RulesRun(InterviewPlan plan, SessionState blank) => (Plan, State, Heard) = (plan, blank, blank);

    public InterviewPlan Plan { get; }

    public SessionState State { get; private set; }

    /// <summary>The state the brain last decided on: <see cref="State"/> before the reply, plus the answer.</summary>
    public SessionState Heard { get; private set; }

    public List<BrainReply> Replies { get; } = [];

    public static async Task<RulesRun> StartAsync(InterviewPlan? plan = null, string? candidateName = null)
    {
        plan ??= TestPlans.Default;
        var blank = new SessionState("iv-1", plan.Phases[0].Name, [], [], [], 0, Now, Now, SessionStatus.Active,
            plan.Id, plan.Role, candidateName, InterviewProgress.Empty);
        var run = new RulesRun(plan, blank);
        run.Apply(await run._brain.OpenAsync(plan, blank, CancellationToken.None));
        return run;
    }

    public async Task<BrainReply> AnswerAsync(string answer)
    {
        Heard = StateTransitions.Hear(State, new ConversationTurn(Roles.Candidate, answer, null, Now, State.CurrentPhase));
        var reply = await _brain.DecideAsync(Plan, Heard, answer, CancellationToken.None);
        Apply(reply);
        return reply;
    }

    /// <summary>Answers with <paramref name="answer"/> until <paramref name="done"/> holds; a runaway interview fails.</summary>
    public async Task AnswerUntilAsync(Func<SessionState, bool> done, string answer = Answers.Detailed)
    {
        for (var turn = 0; !done(State); turn++)
        {
            Assert.True(turn < 50, "The interview did not get there within 50 answers.");
            await AnswerAsync(answer);
        }
    }

    private void Apply(BrainReply reply)
    {
        State = StateTransitions.Apply(Plan, Heard, reply, null, Now);
        Replies.Add(reply);
    }
}
