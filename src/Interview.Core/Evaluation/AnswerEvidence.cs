using System.Text.RegularExpressions;
using Interview.Core.Plans;
using Interview.Core.Rules;

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

    public IEnumerable<string> Traits()
    {
        if (Story.Concrete)
        {
            yield return "what they did in a concrete situation";
        }

        if (Story.Measured)
        {
            yield return "a measured result";
        }

        if (Story.Complete)
        {
            yield return "a complete situation-action-result story";
        }
    }

    /// <summary>The statement that uses a keyword as a word, else the one with a measurement, else the first; verbatim.</summary>
    private static string QuoteFrom(IReadOnlyList<string> statements, IReadOnlyList<string> mentions)
    {
        var quote = statements.FirstOrDefault(s => mentions.Any(m => Regex.IsMatch(s, $@"\b{Regex.Escape(m)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)))
                    ?? statements.FirstOrDefault(s => AnswerStory.Of(s).Measured)
                    ?? statements[0];
        return quote.Length <= MaxQuote ? quote : quote[..MaxQuote];
    }
}
