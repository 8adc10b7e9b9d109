namespace Interview.Core.Tests.Evaluation.Labelled;

/// <summary>
/// Strong candidates whose delivery differs from the usual: short non-native sentences, and an interview with a model
/// interviewer and pauses. The evaluation must hear the substance, not the style.
/// </summary>
internal static class StrongCandidatesInOtherVoices
{
    public static readonly LabelledTranscript NonNativeShortSentences = new InterviewScript("non-native, short sentences", Band.Strong)
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

    public static readonly LabelledTranscript ModelInterviewerWithPauses =
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
