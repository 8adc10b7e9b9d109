using System.Text.RegularExpressions;
using Interview.Core.Plans;

namespace Interview.Core.Rules;

/// <summary>
/// Which of the plan's competencies an answer touches, by keyword stems matched at word starts
/// ("scal" matches "scaling"), and a short insight for each one newly covered.
/// </summary>
public static class TopicDetector
{
    public static (IReadOnlyList<string> Topics, IReadOnlyList<string> Insights) Detect(
        InterviewPlan plan, string answer, AnswerAnalysis analysis, IReadOnlyList<string> alreadyCovered)
    {
        var text = AnswerAnalysis.Normalize(answer);
        var topics = new List<string>();
        var insights = new List<string>();
        foreach (var competency in plan.Competencies)
        {
            var hits = competency.Keywords.Where(k => Regex.IsMatch(text, $@"\b{Regex.Escape(k)}")).Take(3).ToList();
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

    private static string Display(string name) =>
        char.ToUpperInvariant(name[0]) + name[1..].Replace('_', ' ');
}
