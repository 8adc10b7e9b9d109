namespace Interview.Core.Tests.TestDoubles;

/// <summary>Candidate answers, each built to trip exactly one rule of the rules brain.</summary>
internal static class Answers
{
    /// <summary>25 words, an example ("at my last job", "I led") and numbers: nothing to probe.</summary>
    public const string Detailed =
        "At my last job I led the move of our billing service onto a queue, which cut p99 latency from 900 to 120 milliseconds.";

    /// <summary>Fewer than the plans' 15 words.</summary>
    public const string Short = "It went fine overall.";

    /// <summary>21 words with neither an example nor a number.</summary>
    public const string Vague =
        "I generally think careful design matters a great deal and I always try to keep things simple and maintainable over time.";

    public const string Unsure = "I don't know.";

    public const string Repeat = "Could you repeat that?";

    public const string Think = "Let me think for a moment.";
}
