namespace Interview.Core.Tests.Evaluation.Labelled;

/// <summary>Candidates a person would hire: every answer is a specific, measured story, each in its own voice.</summary>
internal static partial class LabelledSet
{
    private static readonly LabelledTranscript TerseEngineer = new InterviewScript("terse engineer", Band.Strong)
        .Ask("intro-background", """
            Backend, eight years. Payments, then search. Now I own checkout at a retailer: Go, Postgres, 40 million requests a day.
            """)
        .Ask("intro-motivation", """
            Hard performance problems. Last year I picked up Rust in a month to rewrite our image resizer;
            memory per pod went from 2 GB to 600 MB.
            """)
        .Ask("tech-design", """
            Split checkout out of the monolith last year. Three services behind a queue, outbox for the writes,
            idempotency keys on every payment call. Trade-off: order status is eventually consistent, which support accepted.
            Double charges went from about 30 a month to zero.
            """)
        .Ask("tech-scale", """
            When checkout latency doubled, I profiled it, found N+1 queries in the pricing service, batched them,
            and p95 dropped from 900 to 180 milliseconds in two days.
            """)
        .Ask("tech-debug", """
            One pod OOM-killed every six hours. Took heap dumps two hours apart, diffed them, found a map of websocket
            sessions nobody evicted. Added eviction and a regression test. No restarts in the 90 days since.
            """)
        .Ask("tech-quality", """
            Unit tests on the domain, contract tests between services, every change through code review. When flaky tests
            hit 15 percent of CI runs, I quarantined them and fixed the worst ten; the rate fell under 1 percent in three weeks.
            """)
        .Ask("beh-conflict", """
            Last spring my lead wanted Kafka, I wanted a Postgres queue. I wrote a one-page comparison, we ran a load test
            together at 5,000 messages per second, and we picked Postgres. Saved a cluster; it still runs two years later.
            """)
        .Ask("beh-ownership", """
            Our on-call had no runbooks and nobody owned them, so I did: wrote runbooks for the top 12 alerts and set up a
            weekly review with the team. Pages fell from 40 a week to 8 within a quarter.
            """)
        .Ask("beh-failure", """
            I shipped a migration without a rollback plan and took search down for 25 minutes. Wrote the postmortem, learned
            to rehearse every migration on a copy first. We have run 30 migrations since with no downtime.
            """)
        .Ask("close-questions", "What is the team like? How big is it?")
        .Done();

    private static readonly LabelledTranscript Storyteller = new InterviewScript("storyteller", Band.Strong)
        .Ask("intro-background", """
            Sure. I started out in a small agency building shop websites, which taught me to talk to customers, and for the
            last five years I have been at a logistics company, where I work on the routing platform that plans deliveries
            for about two thousand drivers every morning.
            """)
        .Ask("intro-motivation", """
            What I enjoy most is getting into a domain I know nothing about. When I joined logistics I knew nothing about
            vehicle routing, so I read up on it, took an operations research course in the evenings, and within three
            months I was the one reviewing changes to the solver.
            """)
        .Ask("tech-design", """
            So the story there is our planning job. It used to be one big nightly batch that took four hours, and if it
            failed at three in the morning the drivers had no routes. I designed a replacement where each depot is planned
            independently from a queue, with the results written to a cache the driver app reads from. We gave up a global
            optimum across depots, which was a real trade-off we argued about, but the whole plan now finishes in
            25 minutes and one failing depot no longer blocks the others.
            """)
        .Ask("tech-scale", """
            A couple of years ago the driver app started timing out every morning at seven. I sat down with the traces and
            found that every app start fetched the full route history. I added a paged endpoint and moved the history
            behind a cache, and the morning peak went from about 12 seconds per request to under half a second.
            """)
        .Ask("tech-debug", """
            The hardest one was a bug where a few routes were silently missing stops, maybe one in a thousand. Nobody could
            reproduce it. I collected every failed plan for a week, noticed they all crossed midnight in a timezone with
            daylight saving, and wrote a test that reproduced it. The root cause was a date library converting local
            times twice. After the fix we had zero missing stops in the next six months.
            """)
        .Ask("tech-quality", """
            I lean on tests that describe behaviour, and on small reviews. At my current job I introduced a rule that
            pull requests stay under 400 lines, and I paired with the team on writing property tests for the solver.
            Review time dropped from three days to about one, and the escaped bugs per release halved over two quarters.
            """)
        .Ask("beh-conflict", """
            When we planned the depot split, our product manager wanted to keep the global optimisation because it saved
            fuel. Instead of arguing in meetings I ran both versions on a month of real data with her, and we found the
            difference was under 2 percent of fuel. She agreed to the split, and we communicated it together to the
            operations team.
            """)
        .Ask("beh-ownership", """
            There was a period when nobody owned our cloud bill, and it had grown 40 percent in a year. I took it on even
            though it was not my job: I tagged every resource by team, shared a weekly report with each lead, and we shut
            down forgotten environments. Within four months the bill was down by a third.
            """)
        .Ask("beh-failure", """
            Early on I pushed a solver change on a Friday without a canary, and it planned routes that were twenty percent
            longer for a whole region. I rolled it back on Saturday morning, wrote the postmortem, and I learned to always
            ship solver changes behind a flag to one depot first. We have done it that way for three years now.
            """)
        .Ask("close-questions", "Good question. What does a typical week look like for the team, and who would I work with most?")
        .Done();

    private static readonly LabelledTranscript NumbersHeavy = new InterviewScript("numbers-heavy", Band.Strong)
        .Ask("intro-background", "Seven years, three companies. Last four at a fintech with 120 engineers; I lead the ledger team of six.")
        .Ask("intro-motivation", """
            Measurable impact. In 2023 I learned Terraform from zero and we moved 140 manual resources into code in
            six weeks; drift incidents went from 9 a quarter to 0.
            """)
        .Ask("tech-design", """
            I designed our ledger's write path: 3 shards by account, a replica per shard for reads, an outbox to Kafka.
            It handles 8,000 writes per second at p99 of 35 ms, up from 1,200 before, and availability went from 99.5 to
            99.95 percent over the first year.
            """)
        .Ask("tech-scale", """
            When month-end reconciliation took 14 hours, I measured each stage and found 70 percent of the time in one
            join. I partitioned the table by month and precomputed balances nightly, which cut the run to 50 minutes.
            """)
        .Ask("tech-debug", """
            We had a 0.3 percent rate of duplicate payouts. I traced 200 cases, found a retry that fired after a 30 second
            timeout while the first call was still running, and added idempotency keys. Duplicates dropped to zero in the
            following 10 million payouts.
            """)
        .Ask("tech-quality", """
            Coverage is not the goal, but our ledger code sits at 85 percent with mutation testing on the money paths. I
            added a CI stage for contract tests in 2022; production incidents from integration bugs fell from 11 to 2 a year.
            """)
        .Ask("beh-conflict", """
            Our architect wanted a rewrite in 6 months; I estimated 14. I broke the work into 40 tickets with the team,
            showed the estimate with ranges, and we agreed on an incremental plan. We delivered the first 60 percent in
            5 months with no downtime.
            """)
        .Ask("beh-ownership", """
            When our audit failed on 23 findings, I volunteered to lead the fix outside my team. I set up a tracker, met the
            auditors every 2 weeks, and we closed all 23 in 3 months; the next audit had zero findings.
            """)
        .Ask("beh-failure", """
            I underestimated a data migration by 3x and we missed a launch by 2 weeks. In the retrospective I learned to
            run a 1 percent sample first; my last 5 estimates landed within 15 percent.
            """)
        .Ask("close-questions", "How many services does the team own, and what is the on-call load per week?")
        .Done();

    private static readonly LabelledTranscript NonNativeShortSentences = new InterviewScript("non-native, short sentences", Band.Strong)
        .Ask("intro-background", "I am backend developer. Six years. I work in bank now, in Warsaw. I do payments API in Java.")
        .Ask("intro-motivation", """
            I like learn new things. Last year I learn Kotlin by myself. I read book and I do small project. After two
            months I write production code in Kotlin, our team use it now for 3 services.
            """)
        .Ask("tech-design", """
            In my bank we have one big database for all. Every team write to it. It is slow and risky. I design new
            architecture with events. Each service has own database and we use Kafka between. Migration take one year.
            Now deploy time go from 2 hours to 15 minutes and teams do not block each other.
            """)
        .Ask("tech-scale", """
            Last year our transfer API is very slow, p99 is 3 seconds. I check the traces. I find the fraud check call
            is synchronous and slow. I make it async with a queue and a cache for the rules. p99 go from 3 seconds to 400 ms.
            """)
        .Ask("tech-debug", """
            One time payments fail only on Monday morning. Very strange. I look at the logs for four weeks. I find the
            connection pool is too small after weekend batch. Root cause is the batch not close connections. I fix the
            batch and add an alert. No failure after, already eight months.
            """)
        .Ask("tech-quality", """
            I write unit test for every change and we do code review, always two people. When I join, the tests take
            40 minutes. I split them and run in parallel in the pipeline. Now it is 9 minutes, so people run tests more.
            """)
        .Ask("beh-conflict", """
            My colleague want to use MongoDB for new service. I think Postgres is better for money. We disagree. I propose
            we test both with real data for one week. We do it together. Postgres is faster for our queries, 3 times. He
            agree and we are still good friends.
            """)
        .Ask("beh-ownership", """
            In my team nobody want to do the upgrade of Java, it is old version 8. I take responsibility. I make plan, I
            upgrade one service per week and I help other teams. After four months all 22 services on Java 17.
            """)
        .Ask("beh-failure", """
            One time I deploy a change on Friday evening and break the login for 30 minutes. It is my mistake. I write
            the postmortem and I learn to not deploy on Friday without feature flag. After this we make a rule for whole team.
            """)
        .Ask("close-questions", "Is the team remote or in office? And how do you do code review?")
        .Done();

    private static readonly LabelledTranscript ModelInterviewerWithPauses =
        new InterviewScript("model interviewer, pauses and questions", Band.Strong)
        .Say("Tell me about yourself and what you're building these days.", """
            I'm a platform engineer. For the last four years I have run the deployment pipeline for a streaming company
            with about 300 engineers, and before that I was a backend developer.
            """)
        .Say("What's a technical design you're proud of?", "Hmm, let me think.")
        .Say("Take your time.", """
            OK. When our deploys took 50 minutes and failed one time in five, I designed a new pipeline: builds cached by
            content hash, tests sharded across 20 runners, and progressive rollout by region. Deploys went down to
            12 minutes and failures to about 1 percent, which doubled how often teams shipped.
            """)
        .Say("How do you approach a production incident where the cause isn't obvious?", """
            Good question. Last winter we had random 502s on 2 percent of requests. I formed a hypothesis per layer, and
            measured each one: the load balancer logs ruled out the network, then I found that our proxy closed idle
            connections after 60 seconds while the app kept them for 75. I aligned the timeouts and the 502s went to zero.
            """)
        .Say("And how do you keep quality up in your team's code?", """
            We test every pipeline change against a copy of production config, and I review every change to the shared
            templates. When a bad template broke 40 services in 2022, I added a lint step to CI that has since caught
            over 100 broken changes before they merged.
            """)
        .Say("Tell me about working with other teams.", """
            When teams complained that the new pipeline was a black box, I paired with each of the 12 team leads for an
            hour, wrote a short guide with them, and set up a monthly feedback session. Support tickets about deploys
            fell from about 30 a month to 5.
            """)
        .Say("Can you share a time you led something without being asked?", """
            Nobody owned our secrets rotation, and some keys were three years old. I took it on, wrote a rotation job,
            drove the rollout across 80 services over two quarters, and now every key rotates every 30 days.
            """)
        .Say("What's something you got wrong, and what did you take from it?", """
            I once rolled out a runner image with a broken certificate store and blocked all deploys for two hours. I
            learned to canary our own tooling like any other service, and since then I ship runner images to one team first.
            """)
        .Say("Anything you'd like to ask me?", "Could you tell me what the on-call rotation looks like? And how big is the platform team?")
        .Done();
}
