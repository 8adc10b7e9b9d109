namespace Interview.Core.Tests.Evaluation.Labelled;

/// <summary>Candidates a person would hire: every answer is a specific, measured story, each in its own voice.</summary>
internal static class StrongCandidates
{
    public static readonly LabelledTranscript TerseEngineer = new InterviewScript("terse engineer", Band.Strong)
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

    public static readonly LabelledTranscript Storyteller = new InterviewScript("storyteller", Band.Strong)
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

    public static readonly LabelledTranscript NumbersHeavy = new InterviewScript("numbers-heavy", Band.Strong)
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
}
