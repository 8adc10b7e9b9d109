using System.Text.RegularExpressions;
using Interview.Core.Domain;
using Interview.Core.Rules;
using Interview.Core.Utterances;

namespace Interview.Core.Evaluation;

/// <summary>
/// Keeps only citations that quote, word for word (case and spacing aside), a candidate answer at the cited turn: not
/// the candidate's own question, a pause, a minimal answer or an attempt to instruct the evaluator
/// (<see cref="CandidateUtterance"/> decides). A score above 2 left with no evidence is capped at 2 and flagged.
/// </summary>
public static partial class CitationCheck
{
    public const int UnsupportedCap = 2;

    public static CompetencyScore Validate(CompetencyScore score, IReadOnlyList<ConversationTurn> transcript)
    {
        var valid = score.Evidence.Where(c => Supports(c, transcript)).ToList();
        var dropped = score.Evidence.Count - valid.Count;
        if (valid.Count == 0 && score.Score > UnsupportedCap)
        {
            return score with
            {
                Score = UnsupportedCap,
                Evidence = [],
                Flagged = $"Score capped at {UnsupportedCap}: " +
                    $"{(dropped > 0 ? $"{dropped} citation(s) did not match the transcript" : "no evidence cited")}.",
            };
        }

        return dropped == 0 ? score : score
            with { Evidence = valid, Flagged = $"{dropped} citation(s) did not match the transcript and were dropped." };
    }

    public static bool Supports(Citation citation, IReadOnlyList<ConversationTurn> transcript) =>
        citation.Turn >= 0 && citation.Turn < transcript.Count
        && transcript[citation.Turn] is { Role: Roles.Candidate } turn
        && CandidateUtterance.Of(turn.Content).IsAnswer
        && Normalize(citation.Quote).Length >= 3
        && Normalize(turn.Content).Contains(Normalize(citation.Quote), StringComparison.Ordinal);

    // The prompt shows the model angle brackets as look-alikes (see InterviewPrompt.Fence); a quote copied from it still counts.
    private static string Normalize(string text)
        => Spaces().Replace(text.Replace('‹', '<').Replace('›', '>').Trim().ToLowerInvariant(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
