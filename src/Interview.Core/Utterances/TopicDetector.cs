using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Interview.Core.Plans;

namespace Interview.Core.Utterances;

/// <summary>
/// Which of the plan's competencies an answer touches, by keyword stems matched at word starts
/// ("scal" matches "scaling"), and a short insight for each one newly covered. Keywords of three letters or fewer
/// must match a whole word, so "ci" does not find "city" nor "led" find "ledger".
/// </summary>
public static class TopicDetector
{
    // One compiled pattern per competency, built on first use and kept as long as the plan is.
    private static readonly ConditionalWeakTable<Competency, Regex> Patterns = [];

    public static (IReadOnlyList<string> Topics, IReadOnlyList<string> Insights) Detect(
        InterviewPlan plan, string answer, AnswerAnalysis analysis, IReadOnlyList<string> alreadyCovered)
    {
        var text = AnswerAnalysis.Normalize(answer);
        var topics = new List<string>();
        var insights = new List<string>();
        foreach (var competency in plan.Competencies)
        {
            var hits = Mentions(competency, text).Take(3).ToList();
            if (hits.Count == 0)
            {
                continue;
            }

            topics.Add(competency.Name);
            if (!alreadyCovered.Contains(competency.Name))
            {
                insights.Add($"{Display(competency.Name)}: mentioned {string.Join(", ", hits)}");
            }
        }

        if (analysis.HasExample && analysis.HasNumber)
        {
            insights.Add("Backs answers with concrete examples and numbers");
        }

        if (analysis.IsUnsure)
        {
            insights.Add("Expressed uncertainty on some questions");
        }

        return (topics, insights);
    }

    /// <summary>The distinct words of <paramref name="text"/> that match the competency's keywords, in order of appearance.</summary>
    public static IReadOnlyList<string> Mentions(Competency competency, string text) =>
        Pattern(competency).Matches(AnswerAnalysis.Normalize(text)).Select(m => m.Value).Distinct().ToList();

    private static Regex Pattern(Competency competency) => Patterns.GetValue(competency, c =>
    {
        // A stem matches through to the end of its word, so the insight quotes the word the candidate used.
        var alternatives = c.Keywords
            .OrderByDescending(k => k.Length)
            .Select(k => k.Length <= 3 ? $@"{Regex.Escape(k)}\b" : $@"{Regex.Escape(k)}[\p{{L}}\-]*");
        return new Regex($@"\b(?:{string.Join("|", alternatives)})", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    });

    private static string Display(string name) =>
        char.ToUpperInvariant(name[0]) + name[1..].Replace('_', ' ');
}
