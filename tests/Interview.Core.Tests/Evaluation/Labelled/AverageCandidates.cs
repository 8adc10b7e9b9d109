namespace Interview.Core.Tests.Evaluation.Labelled;

/// <summary>
/// Candidates a person would discuss rather than decide at once: real experience, but thin on what they did or what it
/// changed. Either plain verdict (yes or no) agrees with the band; a strong one either way does not.
/// </summary>
internal static class AverageCandidates
{
    public static readonly LabelledTranscript ConcreteButUnmeasured = new InterviewScript("concrete but unmeasured", Band.Average)
        .Ask("intro-background", "I've been a full-stack developer for about four years, mostly React and Node, at an e-commerce company.")
        .Ask("intro-motivation", """
            I like building things people use every day, and I like that there is always something new to learn in this field.
            """)
        .Ask("tech-design", """
            At my last job I designed the product search page. I added a search service in front of Elasticsearch and a
            cache for popular queries, so the page got a lot faster and the database was not hit as much.
            """)
        .Ask("tech-scale", """
            When our product pages were slow, I looked at the network tab and saw we loaded everything at once. I added
            lazy loading for the images and it felt much quicker afterwards.
            """)
        .Ask("tech-debug", """
            We had a bug where the cart sometimes emptied itself. I debugged it for a while and found that two tabs were
            overwriting the same local storage key, so I changed how we stored it and it stopped happening.
            """)
        .Ask("tech-quality", "We write unit tests with Jest and every pull request gets a code review from someone on the team.")
        .Ask("beh-conflict", """
            A teammate and I disagreed about using Redux. We talked it through and I agreed to try his approach on one
            feature, and in the end we kept it because it worked fine.
            """)
        .Ask("beh-ownership", """
            Nobody was updating our dependencies, so I took that on and upgraded React and a few libraries over a couple
            of sprints.
            """)
        .Ask("beh-failure", "I once broke the checkout button with a CSS change. I fixed it quickly and I learned to test on mobile too.")
        .Ask("close-questions", "What does the team work on day to day?")
        .Done();

    public static readonly LabelledTranscript UnevenTechnicalOnly =
        new InterviewScript("uneven: technical strong, behavioural vague", Band.Average)
        .Ask("intro-background", "Database engineer, six years, mostly Postgres performance.")
        .Ask("intro-motivation", "I like databases.")
        .Ask("tech-design", """
            I designed the partitioning scheme for our events table when it reached 4 billion rows: monthly partitions,
            a BRIN index on time, and old partitions moved to cheap storage. Queries on recent data went from 20 seconds
            to 200 milliseconds.
            """)
        .Ask("tech-scale", """
            When our API's p99 hit 2 seconds, I profiled the top queries with pg_stat_statements, found three missing
            indexes and one sequential scan, and fixed them; p99 dropped to 150 milliseconds that week.
            """)
        .Ask("tech-debug", "Deadlocks, usually. You look at the logs and find the lock order and fix it.")
        .Ask("tech-quality", "Tests, reviews, the usual.")
        .Ask("beh-conflict", "I don't really have conflicts. I get along with people on the team.")
        .Ask("beh-ownership", "I do my tickets. If something needs doing I guess I do it.")
        .Ask("beh-failure", "Not really, nothing major comes to mind.")
        .Ask("close-questions", "No, I'm good.")
        .Done();

    public static readonly LabelledTranscript Rambling = new InterviewScript("rambling", Band.Average)
        .Ask("intro-background", """
            So, yeah, where to start, I have done a bit of everything really, I started in QA, then I moved into
            development, and now I am kind of in between backend and DevOps, it depends on the week honestly, and I have
            been at my company for a long time now.
            """)
        .Ask("intro-motivation", """
            I think the thing is, I really like variety, and this role seems to have a lot of that, you know, different
            problems all the time, and I like learning about new tools, I am always reading blogs and that sort of thing.
            """)
        .Ask("tech-design", """
            Well, we had this system, it was a monolith basically, and there was a lot of talk about microservices, and
            we went back and forth for months, and in the end we pulled out the notifications part into its own service
            with a queue, which I worked on with a couple of people, and it was fine, it mostly works, there were some
            issues with retries at the beginning but we sorted them out eventually.
            """)
        .Ask("tech-scale", """
            Performance, yeah, so there was a time when the reports page was really slow, people were complaining, and I
            looked into it and it was the database mostly, I think we added an index or two, and some caching, and it got
            better, I don't remember the exact numbers but people stopped complaining so that was good.
            """)
        .Ask("tech-debug", """
            Oh, there are so many, one that comes to mind is a memory thing in one of our Java services, it kept
            restarting, and we spent a lot of time on it, I took a heap dump at some point and it was some library, and
            we upgraded it and it went away, I think, or maybe it was the config change, it was a while ago.
            """)
        .Ask("tech-quality", """
            Testing is important, we have unit tests, not as many as we should probably, and we do code reviews, and we
            have a pipeline that runs everything, and I try to write clean code, I read Clean Code a few years ago.
            """)
        .Ask("beh-conflict", """
            Disagreements, sure, it happens, there was one with my manager about deadlines, I felt it was too tight, and
            we talked about it, and we moved some things around, it worked out in the end, I think communication is key.
            """)
        .Ask("beh-ownership", """
            I would say I often pick up things nobody else wants, like the build scripts, nobody touched them for years, so
            I cleaned them up a bit and documented them, and people seemed to appreciate it.
            """)
        .Ask("beh-failure", """
            Mistakes, yeah, I once deleted a staging database by accident, which was not great, we restored it from a
            backup, and I learned to double check which environment I am in before running scripts.
            """)
        .Ask("close-questions", "What is the team like? Is there a lot of on-call?")
        .Done();

    public static readonly LabelledTranscript Hypothetical =
        new InterviewScript("hypothetical: knows the theory, little of their own", Band.Average)
        .Ask("intro-background", """
            I finished my master's two years ago and since then I've worked as a junior backend developer in a small team.
            """)
        .Ask("intro-motivation", """
            I want to grow into distributed systems, so I have been reading Designing Data-Intensive Applications and
            doing side projects.
            """)
        .Ask("tech-design", """
            I would start from the requirements, then pick the data model. For a high read load I would put a cache in
            front of the database, and use a queue for anything slow, and I would think about consistency versus availability.
            """)
        .Ask("tech-scale", """
            I would measure first, find the bottleneck with a profiler, and then optimise the hot path. In a side project
            I built a URL shortener and load tested it with k6 up to 2,000 requests per second.
            """)
        .Ask("tech-debug", """
            I haven't had a really hard production bug yet. I would look at the logs and metrics, form a hypothesis and try
            to reproduce it locally.
            """)
        .Ask("tech-quality", """
            At my job I write unit tests for my code and my pull requests get reviewed by the senior developer. I also set
            up a GitHub Actions pipeline for my side project.
            """)
        .Ask("beh-conflict", """
            When I disagreed with a senior about an API design, I asked him to explain his reasoning and I realised he had
            a point about backwards compatibility, so we went with his design.
            """)
        .Ask("beh-ownership", "I would take ownership if I saw a gap. For example, I could improve our README if nobody else did.")
        .Ask("beh-failure", """
            I once merged a change that broke a test in main. I learned to run the whole test suite locally before I merge.
            """)
        .Ask("close-questions", "How do juniors get mentored on the team?")
        .Done();
}
