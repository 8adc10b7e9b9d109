using System.Text.RegularExpressions;
using Interview.Core.Plans;
using Interview.Core.Rules;
using Interview.Core.Utterances;

namespace Interview.Core.Evaluation;

/// <summary>
/// One candidate answer as evidence for one competency: why it counts (keywords it uses, or the plan question on that
/// competency it answers), how strong it is, and the sentence to quote. Only answers count, and only their
/// statements: never the candidate's own questions, pauses, minimal answers or instructions to the evaluator.
/// </summary>
internal sealed record AnswerEvidence(int Turn, IReadOnlyList<string> Mentions, bool AnswersItsQuestion, AnswerStory Story, string Quote)
{
    private const int MaxQuote = 240;

    /// <summary>0 to 3: what the candidate did in a concrete situation, a measurement, and the two in a complete story.</summary>
    public int Quality => (Story.Concrete ? 1 : 0) + (Story.Measured ? 1 : 0) + (Story.Complete ? 1 : 0);

    /// <summary>The evidence in the turn's text, or null when it is not an answer or has nothing to do with the competency.</summary>
    public static AnswerEvidence? Of(int turn, string content, Competency competency, bool answersItsQuestion)
    {
        var utterance = CandidateUtterance.Of(content);
        if (!utterance.IsAnswer)
        {
            return null;
        }

        var said = string.Join(' ', utterance.Statements);
        var mentions = TopicDetector.Mentions(competency, said);
        return mentions.Count == 0 && !answersItsQuestion
            ? null
            : new AnswerEvidence(turn, mentions, answersItsQuestion, AnswerStory.Of(said), QuoteFrom(utterance.Statements, mentions));
    }

    /// <summary>What made the answer strong, for the rationale.</summary>
    public IEnumerable<string> Traits() => Story switch
    {
        { Complete: true } => ["a complete situation-action-result story with a measured result"],
        { Concrete: true, Measured: true } => ["what they did in a concrete situation", "numbers"],
        { Concrete: true } => ["what they did in a concrete situation"],
        { Measured: true } => ["numbers"],
        _ => [],
    };

    /// <summary>
    /// The statement that uses a keyword as a word; else, for an answer to the competency's question, the statement that
    /// best shows what the candidate did and measured. Verbatim, so the citation check always finds it.
    /// </summary>
    private static string QuoteFrom(IReadOnlyList<string> statements, IReadOnlyList<string> mentions)
    {
        var quote = statements.FirstOrDefault(s => mentions.Any(m => UsesWord(s, m))) ?? statements.MaxBy(Shows)!;
        return quote.Length <= MaxQuote ? quote : quote[..MaxQuote];
    }

    private static bool UsesWord(string sentence, string word) =>
        Regex.IsMatch(sentence, $@"\b{Regex.Escape(word)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static int Shows(string sentence)
    {
        var story = AnswerStory.Of(sentence);
        return (story.Action ? 2 : 0) + (story.Measured ? 1 : 0);
    }
}
