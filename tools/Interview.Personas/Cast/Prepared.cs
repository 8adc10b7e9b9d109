namespace Interview.Personas.Cast;

/// <summary>Candidates who answer every question: one with measured stories, one with real but loosely measured ones.</summary>
internal static class Prepared
{
    public static Persona Strong { get; } = new("strong", "Priya", new Dictionary<string, string>
    {
        ["intro-background"] = "I'm a backend engineer with seven years of experience, the last three at a payments company where I own " +
            "the ledger service. I work in C# and Go on Kubernetes, and right now I'm leading a project to cut our settlement time from " +
            "two days to four hours.",
        ["intro-motivation"] = "I like problems where correctness and scale meet. Last year I taught myself event sourcing to fix an " +
            "audit gap, and I learned more in those three months than in the year before. Your role has that mix of distributed systems " +
            "and ownership, which is what energizes me.",
        ["intro-proud"] = "I led the rewrite of our refund pipeline. Refunds took up to 48 hours and 3 percent needed manual fixes. I " +
            "designed an idempotent state machine on a queue, we shipped it in six weeks behind a feature flag, and manual fixes dropped " +
            "to 0.2 percent while refunds now finish in under ten minutes.",
        ["tech-design"] = "I designed our fraud scoring service. The main components were a gRPC API, a Redis feature cache and a Kafka " +
            "consumer that updates features. The trade-off was freshness against latency: I chose a cache with a 30 second staleness " +
            "budget, which kept p99 at 40 milliseconds for 5,000 requests per second instead of the 250 milliseconds a database read " +
            "cost.",
        ["tech-scale"] = "Our checkout API fell over at 2,000 requests per second during a sale. I profiled it with a flame graph and " +
            "found that 60 percent of the time went to serializing a large product object. I added a slim DTO and response caching, and " +
            "we then handled 9,000 requests per second with p95 latency going from 900 to 120 milliseconds.",
        ["tech-debug"] = "We had duplicate payouts, about one in 50,000. I reproduced it by replaying a day of traffic against a staging " +
            "copy, traced it to a retry that raced with a timeout in our HTTP client, and fixed it with an idempotency key stored in the " +
            "same transaction. Duplicates went to zero over the next six months.",
        ["tech-quality"] = "I write unit tests for the domain logic and contract tests at service boundaries, and every change goes " +
            "through code review and CI with static analysis. When I introduced mutation testing on the ledger, it found 14 untested " +
            "branches; after we covered them, escaped defects fell from about five per quarter to one.",
        ["tech-data"] = "For our merchant settings I chose PostgreSQL, because we needed transactions across accounts and ad hoc " +
            "reporting. For session data I chose a key-value store, since it was 200 million small records read by key. I measured both " +
            "options with a load test first; the key-value store cut our hosting cost by 40 percent for that workload.",
        ["beh-conflict"] = "My tech lead wanted to move our jobs to a new workflow engine before a launch. I disagreed because we had no " +
            "runbooks for it. I proposed a two week spike with clear exit criteria, we ran it together, and the data showed the engine " +
            "doubled our on-call pages, so we agreed to wait. We adopted it three months later with runbooks in place.",
        ["beh-ownership"] = "Our deploy pipeline was nobody's job and took 45 minutes. I volunteered to own it, split the test suite " +
            "into parallel shards, added caching and a canary stage, and got it down to 12 minutes. Deploys went from twice a week to " +
            "eight times a day, and rollbacks from an hour to five minutes.",
        ["beh-failure"] = "I once shipped a database migration that locked a table for eleven minutes at peak time. I led the " +
            "postmortem, and since then I run every migration against a production-sized copy and use online schema changes. We have had " +
            "zero locking incidents in the 40 migrations since.",
        ["beh-mentor"] = "I mentored a junior engineer who was afraid of code review. We paired twice a week for two months, I gave her " +
            "small ownership of the retry library, and she went from one pull request a week to five. A year later she was reviewing my " +
            "code and was promoted.",
    }, [
        "Concretely, I wrote the design doc, built the first version myself in two weeks, and measured error rates before and after: " +
            "they fell from 1.5 percent to 0.1 percent.",
        "My part was the investigation: I added tracing, found the slow query in a day, and the fix cut the nightly job from 90 minutes " +
            "to 14.",
        "Step by step: I reproduced it, wrote a failing test, fixed the root cause, and added an alert so we would catch a regression " +
            "within five minutes.",
    ], "None for now, thank you. You've covered what I wanted to know.");

    public static Persona Average { get; } = new("average", "Tom", new Dictionary<string, string>
    {
        ["intro-background"] = "I've been a developer for about four years, mostly on web backends in Java. At the moment I work on an " +
            "internal tool for our sales team, adding features and fixing bugs with two other developers.",
        ["intro-motivation"] = "I want to work on a product with more users and learn more about how larger systems are built. I enjoy " +
            "the backend side most, building APIs and making them work reliably.",
        ["intro-proud"] = "I built the reporting feature of our sales tool. People used to export spreadsheets by hand, and now they get " +
            "a report every morning. It took a while to get right, but people use it every day.",
        ["tech-design"] = "I helped change our order service to use a queue between the API and the processing, so that the API stays " +
            "responsive. We had some trouble with messages being processed twice, which we handled with a check in the database.",
        ["tech-scale"] = "Our search page got slow when the data grew. I looked at the queries, added an index and some caching, and the " +
            "page was a lot faster afterwards, a few seconds quicker I think.",
        ["tech-debug"] = "We had a bug where some users were logged out randomly. I looked through the logs for a couple of days and " +
            "found that two servers had different session settings. Once we fixed the configuration it stopped.",
        ["tech-quality"] = "We write unit tests for most new code and do code reviews on every pull request. We also have a CI pipeline " +
            "that runs the tests before we can merge.",
        ["tech-data"] = "We use PostgreSQL for almost everything because it's what the team knows. For a cache of user preferences we " +
            "used Redis once because it was simple and fast enough.",
        ["beh-conflict"] = "A colleague wanted to rewrite a module I thought was fine. We discussed it in a meeting with our lead, and " +
            "in the end we refactored part of it instead of a full rewrite, which everyone was okay with.",
        ["beh-ownership"] = "When our build kept failing I started looking into it even though it wasn't my task. I fixed some flaky " +
            "tests and wrote a short guide for the team on how to run them locally.",
        ["beh-failure"] = "I once underestimated a feature and we missed the release by two weeks. I learned to break work into smaller " +
            "pieces and to tell people earlier when something is slipping.",
        ["beh-mentor"] = "I helped a new team member get started, showed him the codebase and reviewed his first pull requests. He got " +
            "up to speed fairly quickly.",
    }, [
        "I did most of the coding on it myself, and the team reviewed it. It worked out well, people were happy with it.",
        "It went fine in the end. I don't have exact numbers, but it was clearly better than before.",
        "I looked at the problem, tried a couple of things, and the second approach worked, so we kept that one.",
    ], "No, I think that's all from me. Thanks.");
}
