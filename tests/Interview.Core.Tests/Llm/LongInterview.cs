using Interview.Core.Domain;
using Interview.Core.Plans;
using Interview.Core.Tests.Rules;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Llm;

/// <summary>
/// A 60-answer interview through the rules brain: the default plan with a 500-question budget and 25 bank questions
/// in each of its first three phases, so nothing concludes early, answered with long, varied answers
/// (mostly detailed, with the odd vague answer or request to repeat, so follow-ups and clarifications happen too).
/// </summary>
internal static class LongInterview
{
    public static InterviewPlan Plan { get; } = Build(TestPlans.Default);

    private static readonly string[] Detailed =
    [
        "At my last job I led the migration of our billing service from a nightly batch to an event-driven design on a queue. " +
        "We had about 40 million invoices a month and the batch took six hours; after the move each invoice was processed within " +
        "two seconds of the order event. The hard part was idempotency: I introduced an outbox table and deduplication keys, " +
        "and we ran both paths side by side for three weeks comparing totals before switching off the batch.",

        "One time we had a latency regression that only showed up under load: p99 went from 120 to 900 milliseconds on Mondays. " +
        "I formed a hypothesis that the connection pool was exhausted, measured it with a profiler and pool metrics, and found " +
        "instead that a cache stampede at 9am was hammering the database. We added request coalescing and jittered expiry, " +
        "wrote a load test that reproduced the stampede in CI, and p99 went back to 110 milliseconds. I wrote the postmortem " +
        "and we turned the load test into a release gate so it could not come back silently, which caught two more regressions " +
        "in the following quarter before they reached production.",

        "When I disagreed with our product manager about shipping a feature without feature flags, I set up a short meeting " +
        "with her and the tech lead, brought the incident numbers from the previous two releases, where rollbacks took on " +
        "average 45 minutes, and proposed a compromise: we would ship on the date she needed, behind a flag, with a staged " +
        "rollout to 5 percent, then 25, then everyone. She agreed, and the staged rollout caught a currency rounding bug at " +
        "5 percent that would have affected roughly 12 thousand customers. Since then the team defaults to flags for anything " +
        "customer-facing, and I mentor two junior engineers on how to design changes so they can be rolled out gradually. " +
        "I also learned to bring data to disagreements instead of opinions: the conversation changed the moment we looked at " +
        "the rollback timings together rather than arguing about risk in the abstract, and the relationship with product " +
        "improved a lot afterwards, because they saw we were protecting their launch rather than blocking it. The staged " +
        "rollout template we wrote then is still used by three other teams in the company today, two years later.",

        "In my current role I own the testing strategy for a payments API with about 200 endpoints. I introduced contract " +
        "tests between the API and its three consumers, cut the end-to-end suite from 90 minutes to 14 by running it in " +
        "parallel shards, and added mutation testing on the fee calculation module, which found 17 assertions that could " +
        "never fail. Code review is where I spend the most care: I ask for small pull requests, under 400 lines, and we pair " +
        "on anything touching money movement.",
    ];

    /// <summary>
    /// Answer <paramref name="turn"/> (1-based): mostly long and detailed, every 7th vague, every 11th a request to repeat.
    /// </summary>
    public static string AnswerFor(int turn) => turn switch
    {
        _ when turn % 11 == 0 => Answers.Repeat,
        _ when turn % 7 == 0 => Answers.Vague,
        _ => Detailed[turn % Detailed.Length],
    };

    /// <summary>Runs to the last of <paramref name="turns"/> and returns the state the brain decided on at each of them.</summary>
    public static async Task<Dictionary<int,
        SessionState>> HeardAtAsync(IReadOnlyCollection<int> turns, Func<int, string>? answerFor = null)
    {
        var run = await RulesRun.StartAsync(Plan, "Ada");
        var heard = new Dictionary<int, SessionState>();
        for (var turn = 1; turn <= turns.Max(); turn++)
        {
            Assert.Equal(SessionStatus.Active, run.State.Status);
            await run.AnswerAsync((answerFor ?? AnswerFor)(turn));
            if (turns.Contains(turn))
            {
                heard[turn] = run.Heard;
            }
        }

        Assert.Equal(SessionStatus.Active, run.State.Status);
        return heard;
    }

    private static InterviewPlan Build(InterviewPlan plan) => plan with
    {
        MaxQuestions = 500,
        Phases = [.. plan.Phases.Select(p => p == plan.Phases[^1] ? p : p with { MaxQuestions = 25, Questions = Bank(p.Questions, 25) })],
    };

    // The bank repeats the phase's questions under new ids: enough distinct ids to last, wording the plan already has.
    private static PlanQuestion[] Bank(IReadOnlyList<PlanQuestion> questions, int count) =>
        [.. Enumerable.Range(0, count).Select(i => questions[i % questions.Count]
            with { Id = $"{questions[i % questions.Count].Id}-{i + 1}" })];
}
