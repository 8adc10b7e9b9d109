using System.Globalization;

namespace Interview.LoadTest.Clients;

/// <summary>
/// Varied typed answers that keep the rules interviewer going for many turns. Its plan allows 16 questions, follow-ups
/// included, so for each new question the candidate first asks for it again or for a moment (a clarification costs no
/// budget), then gives a long answer without example or numbers (which draws a follow-up), then a long specific one with
/// numbers (which moves on). Every answer carries a code name unique within its interview, so the verifier can tell a
/// duplicated turn from a repeated one. With the default plan an interview concludes after about 22 turns.
/// </summary>
public sealed class Answers(int interview)
{
    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ve", "ru", "sa", "ti", "no", "pe", "zu", "ba", "do", "fi", "go", "ha", "je", "ko", "li", "ma", "ne"];

    // Short requests for the question again or for time: the interviewer clarifies, which costs no question budget.
    private static readonly string[] Clarifications =
    [
        "Sorry, could you repeat the question? My connection dropped ({0}).",
        "Let me think about that for a moment ({0}).",
        "Could you say that again please? I missed it ({0}).",
        "Give me a minute to collect my thoughts ({0}).",
        "Pardon, what was the question again? Audio cut out ({0}).",
        "Sorry, I didn't catch that. Could you rephrase it ({0})?",
        "Just a moment, I am thinking it through ({0}).",
        "Could you repeat that last question? Noisy room here ({0}).",
    ];

    // No digits, number words, example cues or doubt: the interviewer asks for specifics.
    private static readonly string[] Vague =
    [
        "I generally care a lot about reliability and clean design, and I try to keep the team aligned on priorities so that the work " +
            "stays focused and the codebase stays healthy over time. Around here people call that approach {0}.",
        "My approach is usually to understand the problem properly, talk to the people affected, look at whatever data is available, and " +
            "then pick a pragmatic solution that the team can maintain comfortably. Colleagues nicknamed that habit {0}.",
        "I like working on systems that matter to customers, and I enjoy improving performance and reliability, mentoring colleagues, " +
            "and making the delivery process smoother for everybody involved. That is roughly what {0} stands for in my notes.",
        "Communication is central for me: I write things down, share context early, ask for feedback often, and make trade-offs visible " +
            "so that decisions are made together rather than in isolation. My manager calls it the {0} style.",
        "Testing and observability are things I value highly, because they give the team confidence to change code quickly and safely, " +
            "and they make problems visible before customers notice them. We filed all of that under {0}.",
    ];

    // {0} code name, {1}..{5} numbers.
    private static readonly string[] Detailed =
    [
        "At my last job I led the migration of our checkout service from a monolith to {1} microservices on Kubernetes. We moved traffic " +
            "gradually with feature flags over {2} weeks, and p99 latency dropped from {3} ms to {4} ms while errors fell by {5} " +
            "percent. The hardest part was idempotency for payment retries, so I introduced idempotency keys stored next to each order. " +
            "Internally the effort was called {0}.",
        "For example, in my previous role our PostgreSQL primary hit {5}% CPU every evening. I profiled the slow queries, found {1} " +
            "missing indexes and an N+1 pattern in the ORM, and after the fix the nightly batch went from {3} minutes to {4} minutes. I " +
            "then added a dashboard and an alert so we would catch regressions within {2} minutes. We tracked it as {0}.",
        "I built an event-driven pipeline on Kafka that processed about {1} thousand messages per second. When traffic doubled during a " +
            "sale, consumer lag grew to {3} seconds, so I partitioned by customer id, raised consumers from {2} to {4}, and lag stayed " +
            "under {5} seconds. Afterwards I wrote a runbook the on-call team still uses; the runbook is named {0}.",
        "When I joined my current team, deployments took {3} minutes and failed about {5} percent of the time. I rewrote the CI/CD " +
            "pipeline with caching and parallel test shards, which cut it to {4} minutes, and I mentored {1} engineers so they could own " +
            "it. Over {2} months we went from weekly to daily releases. The team calls the pipeline {0}.",
        "One time a Redis cache stampede took down our product pages for {2} minutes. I led the postmortem; we added request coalescing " +
            "and jittered expiry, and in the next {1} load tests the hit rate stayed above {5} percent with p95 latency at {4} ms " +
            "instead of {3} ms. I shared the write-up, code-named {0}, with other teams.",
        "In my last role I disagreed with a product manager about shipping a feature without load testing. I proposed a {2}-day " +
            "experiment, we ran it at {1} requests per second, and found a bottleneck that would have caused a {5} percent error rate at " +
            "launch. We fixed it, launched on time, and conversion rose by {4} basis points against a {3} point goal. The experiment was " +
            "logged as {0}.",
    ];

    private readonly Random _random = new(interview * 7919 + 17);
    private int _questions, _clarifications;
    private bool _lastWasVague;

    /// <summary>The answer for <paramref name="turn"/> (1-based), given the interviewer's last action.</summary>
    public string Next(int turn, string lastAction)
    {
        var name = CodeName(turn);
        var fresh = lastAction == "new_question";
        _questions += fresh ? 1 : 0;
        if (fresh && _questions >= 2)
        {
            _lastWasVague = false;
            return string.Format(CultureInfo.InvariantCulture,
                Clarifications[(interview + _clarifications++) % Clarifications.Length], name);
        }

        if ((fresh || lastAction == "clarify") && !_lastWasVague)
        {
            _lastWasVague = true;
            return string.Format(CultureInfo.InvariantCulture, Vague[_random.Next(Vague.Length)], name);
        }

        _lastWasVague = false;
        var small = _random.Next(3, 60);
        return string.Format(CultureInfo.InvariantCulture, Detailed[_random.Next(Detailed.Length)],
            name, _random.Next(3, 40), _random.Next(2, 12), small * _random.Next(2, 7) + _random.Next(0, 10), small, _random.Next(15, 95));
    }

    /// <summary>Unique per turn within an interview (two syllables from the turn, one from the interview).</summary>
    private string CodeName(int turn)
    {
        var n = Syllables.Length;
        var word = Syllables[turn % n] + Syllables[(turn / n) % n] + Syllables[interview % n]
            + Syllables[(turn / (n * n) + interview / n) % n];
        return char.ToUpperInvariant(word[0]) + word[1..];
    }
}
