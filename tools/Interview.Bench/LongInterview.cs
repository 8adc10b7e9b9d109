using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Plans;
using Interview.Core.Rules;

namespace Interview.Bench;

/// <summary>
/// A long interview through the rules brain, applied the way the agent applies it: the default plan with a
/// 500-question budget and 25 bank questions per phase before closing, so 60 answers do not reach the end.
/// </summary>
internal static class LongInterview
{
    private static readonly DateTime Now = new(2025, 3, 3, 10, 0, 0, DateTimeKind.Utc);

    // Each carries an example and a number, so the rules brain moves on rather than probing.
    private static readonly string[] Sentences =
    [
        "At my last job I led the move of our billing service onto a queue, which cut p99 latency from 900 to 120 milliseconds.",
        "We migrated 40 million rows to a partitioned table over two weekends, with a dual-write period to compare totals.",
        "I introduced contract tests between the API and its three consumers, and the end-to-end suite went from 90 minutes to 14.",
        "When I disagreed with our product manager about flags, I brought the numbers from two incidents and we agreed on a 5 percent " +
            "rollout.",
        "I debugged a cache stampede at 9am on Mondays by profiling the pool, then added request coalescing and jittered expiry.",
        "In my previous role I mentored two junior engineers through their first on-call rotations and wrote 12 runbooks with them.",
        "One time a rounding bug reached 3 thousand customers; I wrote the postmortem and we added property tests on every fee path.",
    ];

    public static InterviewPlan Plan { get; } = Build(PlanCatalog.LoadEmbedded().Get(PlanCatalog.DefaultPlanId));

    /// <summary>
    /// Four to ten sentences in a rotating order, 500 to 1,200+ characters; every 7th answer vague, every 11th a request to repeat.
    /// </summary>
    public static string AnswerFor(int turn) => turn switch
    {
        _ when turn % 11 == 0 => "Sorry, could you repeat that?",
        _ when turn % 7 == 0 =>
            "I generally think careful design matters a great deal and I always try to keep things simple and maintainable over time.",
        _ => string.Join(' ', Enumerable.Range(turn, 4 + turn % 7).Select(i => Sentences[i % Sentences.Length])),
    };

    public static async Task<Dictionary<int, SessionState>> HeardAtAsync(IReadOnlyCollection<int> turns)
    {
        var brain = new RulesBrain();
        var state = new SessionState("bench", Plan.Phases[0].Name, [], [], [], 0, Now, Now, SessionStatus.Active,
            Plan.Id, Plan.Role, "Ada", InterviewProgress.Empty);
        state = Apply(state, await brain.OpenAsync(Plan, state, CancellationToken.None));
        var heard = new Dictionary<int, SessionState>();
        for (var turn = 1; turn <= turns.Max(); turn++)
        {
            var answer = AnswerFor(turn);
            var withAnswer = state
                with { ConversationHistory =
                [.. state.ConversationHistory, new ConversationTurn(Roles.Candidate, answer, null, Now, state.CurrentPhase)] };
            heard[turn] = withAnswer;
            state = Apply(withAnswer, await brain.DecideAsync(Plan, withAnswer, answer, CancellationToken.None));
            if (state.Status != SessionStatus.Active)
            {
                throw new InvalidOperationException($"The interview concluded at turn {turn}; the plan needs a larger bank.");
            }
        }

        return heard;
    }

    private static SessionState Apply(SessionState state, BrainReply reply)
    {
        return StateTransitions.Apply(Plan, state, reply, null, Now);
    }

    private static InterviewPlan Build(InterviewPlan plan) => plan with
    {
        MaxQuestions = 500,
        Phases = [.. plan.Phases.Select(p => p == plan.Phases[^1] ? p : p with
        {
            MaxQuestions = 25,
            Questions = [.. Enumerable.Range(0, 25).Select(i => p.Questions[i % p.Questions.Count]
                with { Id = $"{p.Questions[i % p.Questions.Count].Id}-{i + 1}" })],
        })],
    };
}
