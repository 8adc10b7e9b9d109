using System.Text.RegularExpressions;
using Interview.Core.Plans;
using Interview.Core.Utterances;

namespace Interview.Core.Rules;

/// <summary>
/// Answers a candidate's question from the plan's <see cref="PlanAbout"/> facts, by what the question is about
/// (the team, the process, the next steps, where the job is, the role itself). Nothing is ever made up: a question
/// whose topic has no fact, or that has no recognisable topic (salary, visas), gets no answer here and is passed on.
/// </summary>
public static partial class JobFacts
{
    /// <summary>The fact that answers <paramref name="question"/>, or null when the plan has none for it.</summary>
    public static string? Answer(PlanAbout? about, string question)
    {
        if (about is null)
        {
            return null;
        }

        var text = AnswerAnalysis.Normalize(question);
        // Pay, visas, dates are in no fact: "the salary range for this position?" is passed on, not met with the role's description.
        if (NeverInFacts().IsMatch(text))
        {
            return null;
        }

        // Most specific first: "what are the next steps in the process?" is about next steps.
        return (NextSteps().IsMatch(text) ? about.NextSteps : null)
               ?? (Process().IsMatch(text) ? about.Process : null)
               ?? (Location().IsMatch(text) ? about.Location : null)
               ?? (Team().IsMatch(text) ? about.Team : null)
               ?? (Role().IsMatch(text) ? about.Role : null);
    }

    /// <summary>True when the question is about the job at all, so it is the candidate's question rather than a rhetorical one.</summary>
    public static bool IsAbout(string question)
    {
        var text = AnswerAnalysis.Normalize(question);
        return NextSteps().IsMatch(text) || Process().IsMatch(text) || Location().IsMatch(text) || Team().IsMatch(text)
               || Role().IsMatch(text) || NeverInFacts().IsMatch(text) || Addressed().IsMatch(text);
    }

    [GeneratedRegex(@"\b(?:next steps?|what happens (?:next|after)|after (?:this|today)|hear back|get back to me|when will i (?:know|" +
        @"hear)|decision|follow[- ]?up|timeline)\b")]
    private static partial Regex NextSteps();

    [GeneratedRegex(@"\b(?:process|stages?|rounds?|how many interviews|interview(?:s|ing)? (?:look|go|work)|how long (?:is|does|" +
        @"will) (?:this|the interview)|recorded|who (?:reviews|reads|sees|decides))\b")]
    private static partial Regex Process();

    [GeneratedRegex(@"\b(?:remote|hybrid|on[- ]?site|office|location|located|where (?:is|are|would|will)|relocat\w*|time ?zones?|" +
        @"commute)\b")]
    private static partial Regex Location();

    [GeneratedRegex(@"\b(?:team|teams|colleagues?|manager|report(?:ing)? to|who (?:would|will) i work|people i(?:'d| would) work|" +
        @"culture|engineers? (?:are|is) there)\b")]
    private static partial Regex Team();

    [GeneratedRegex(@"\b(?:role|position|job|responsibilit\w*|day[- ]to[- ]day|typical day|what would i (?:do|be doing|work on)|" +
        @"tech(?:nology)? stack|product|projects?)\b")]
    private static partial Regex Role();

    // Salary, benefits, visas...: about the job but not in any fact, so they are passed on rather than ignored.
    [GeneratedRegex(@"\b(?:salary|pay|compensation|benefits?|equity|visas?|sponsor\w*|start date|holidays?|vacation)\b")]
    private static partial Regex NeverInFacts();

    [GeneratedRegex(@"\b(?:you|your|company)\b")]
    private static partial Regex Addressed();
}
