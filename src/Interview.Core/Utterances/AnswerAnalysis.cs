using System.Text.RegularExpressions;

namespace Interview.Core.Utterances;

/// <summary>Surface features of one answer, enough for a deterministic interviewer to decide what to do next.</summary>
public sealed partial record AnswerAnalysis(
    int Words,
    bool AsksToRepeat,
    bool AsksForTime,
    bool HasNumber,
    bool HasExample,
    bool IsUnsure)
{
    /// <summary>Requests for a repeat or for time are this short; a longer answer that happens to contain "repeat" is an answer.</summary>
    public const int BriefWords = 12;

    public bool IsEmpty => Words == 0;

    /// <summary>Vague: neither a concrete example nor a number to hold on to.</summary>
    public bool IsVague => !HasExample && !HasNumber;

    public static AnswerAnalysis Of(string answer)
    {
        var text = Normalize(answer);
        var words = CountWords(text);
        var brief = words <= BriefWords;
        return new AnswerAnalysis(
            words,
            AsksToRepeat: brief && RepeatPattern().IsMatch(text),
            AsksForTime: brief && TimePattern().IsMatch(text),
            HasNumber: NumberPattern().IsMatch(text),
            HasExample: ExamplePattern().IsMatch(text),
            IsUnsure: UnsurePattern().IsMatch(text));
    }

    internal static string Normalize(string answer) => answer.Trim().ToLowerInvariant().Replace('’', '\'');

    internal static int CountWords(string text) => WordPattern().Count(text);

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'\-]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\b(repeat|say (that|it) again|pardon|didn't (catch|hear|understand)|did not (catch|hear|understand)|" +
        @"what do you mean|rephrase|come again|what was the question)\b")]
    private static partial Regex RepeatPattern();

    [GeneratedRegex(@"\b(let me think|give me a (moment|minute|second|sec)|one (moment|sec|second|minute)|just a (moment|sec|second|" +
        @"minute)|need (a|some) (moment|minute|time)|thinking)\b")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|fifty|hundred|hundreds|thousand|thousands|" +
        @"million|millions|billion|percent|half|double|twice|triple)\b")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b(for example|for instance|e\.g\.|such as|when i|when we|at my (last |previous |current )?(job|company|team|" +
        @"role)|in my (last|previous|current) (job|role|company|team|position)|i (built|led|designed|implemented|wrote|created|" +
        @"migrated|fixed|shipped|introduced|owned|rewrote|debugged|worked on)|we (built|designed|implemented|migrated|shipped|rewrote|" +
        @"introduced|moved)|one time|last year|the project)\b")]
    private static partial Regex ExamplePattern();

    [GeneratedRegex(@"\b(i don't know|i do not know|not sure|no idea|i guess|never (done|did|worked))\b")]
    private static partial Regex UnsurePattern();
}
