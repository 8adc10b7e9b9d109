using System.Text.RegularExpressions;
using Interview.Core.Domain;
using Interview.Core.Plans;
using Interview.Core.Rules;

namespace Interview.Core.Evaluation;

/// <summary>
/// The offline evaluator. For each competency it looks at the candidate answers that mention it (keyword stems)
/// and scores the strongest from its features: substance (length), a concrete example, numbers, STAR structure,
/// and breadth (several answers). Quotes are the answer's own sentences, so every citation checks out.
/// Answers that try to instruct the evaluator are never used.
/// </summary>
public sealed partial class RulesEvaluator : ICompetencyEvaluator
{
    public const string RubricVersion = "rubric-2026-11";

    public string Name => "rules";

    public string PromptVersion => "none";

    public Task<CompetencyScore> ScoreAsync(InterviewPlan plan, Competency competency, IReadOnlyList<ConversationTurn> transcript, CancellationToken cancellationToken)
    {
        var relevant = transcript
            .Select((turn, index) => (turn, index))
            .Where(t => t.turn.Role == Roles.Candidate && !InstructionDetector.IsInstructionAttempt(t.turn.Content))
            .Select(t => (t.index, t.turn.Content, Mentions: TopicDetector.Mentions(competency, t.turn.Content), Features: AnswerAnalysis.Of(t.turn.Content)))
            .Where(a => a.Mentions.Count > 0)
            .Select(a => (a.index, a.Content, a.Mentions, a.Features, Quality: Quality(a.Content, a.Features)))
            .OrderByDescending(a => a.Quality).ThenBy(a => a.index)
            .ToList();

        if (relevant.Count == 0)
        {
            return Task.FromResult(new CompetencyScore(competency.Name, 1, $"No answer gave evidence of {Display(competency.Name)}.", []));
        }

        var best = relevant[0];
        var score = Math.Clamp(1 + best.Quality + (relevant.Count >= 2 ? 1 : 0), 1, 5);
        var evidence = relevant.Take(2).Select(a => new Citation(a.index, Sentence(a.Content, a.Mentions[0]))).ToList();
        var traits = new[] { (best.Features.HasExample, "a concrete example"), (best.Features.HasNumber, "numbers"), (IsStar(best.Content), "a situation-action-result structure") }
            .Where(t => t.Item1).Select(t => t.Item2).ToList();
        var rationale = $"{relevant.Count} answer(s) touched {Display(competency.Name)} ({string.Join(", ", relevant.SelectMany(a => a.Mentions).Distinct().Take(4))}); " +
                        (traits.Count > 0 ? $"the strongest gave {string.Join(", ", traits)}." : "none gave a concrete example or numbers.");
        return Task.FromResult(new CompetencyScore(competency.Name, score, rationale, evidence));
    }

    /// <summary>0 to 3: substance, specifics (an example or numbers), and structure.</summary>
    private static int Quality(string content, AnswerAnalysis features) =>
        (features.Words >= 40 ? 1 : 0) + (features.HasExample && features.HasNumber ? 1 : 0) + (IsStar(content) || (features.HasExample && features.Words >= 60) ? 1 : 0);

    /// <summary>Situation, action and result markers together: the shape of a well-told behavioural answer.</summary>
    private static bool IsStar(string content)
    {
        var text = content.ToLowerInvariant();
        return Situation().IsMatch(text) && Action().IsMatch(text) && Result().IsMatch(text);
    }

    /// <summary>The sentence of <paramref name="content"/> that contains <paramref name="mention"/>, verbatim.</summary>
    private static string Sentence(string content, string mention)
    {
        var sentences = Sentences().Split(content).Where(s => s.Trim().Length > 0).ToList();
        var hit = sentences.FirstOrDefault(s => Regex.IsMatch(s, $@"\b{Regex.Escape(mention)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                  ?? sentences.FirstOrDefault() ?? content;
        hit = hit.Trim();
        return hit.Length <= 240 ? hit : hit[..240];
    }

    private static string Display(string name) => name.Replace('_', ' ');

    [GeneratedRegex(@"\b(when|at my|in my|we had|the situation|the problem|our team|last year|the project)\b")]
    private static partial Regex Situation();

    [GeneratedRegex(@"\bi (built|led|designed|implemented|wrote|created|migrated|fixed|introduced|proposed|decided|set up|rewrote|measured|added)\b")]
    private static partial Regex Action();

    [GeneratedRegex(@"\b(result|outcome|as a result|which (cut|reduced|improved|increased|saved)|we (cut|reduced|improved|saved)|so that|in the end)\b")]
    private static partial Regex Result();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex Sentences();
}
