using System.Text.RegularExpressions;
using Interview.Core.Plans;

namespace Interview.Core.Drafting;

/// <summary>
/// A question with placeholders: {role}, and {term}, {term2}, {term3} for the job description's own terms.
/// Templates that share an <see cref="Id"/> are variants of one question, best first; the drafter asks the first
/// variant it can fill for the hire's level, so each question has a variant that needs no terms.
/// </summary>
public sealed partial record QuestionTemplate(string Id, string Text, IReadOnlyList<Seniority>? Levels = null)
{
    public static IReadOnlyList<string> KnownPlaceholders { get; } = ["role", "term", "term2", "term3"];

    /// <summary>How many distinct terms the text needs: {term2} means two, {term3} three.</summary>
    public int TermsNeeded =>
        Text.Contains("{term3}", StringComparison.Ordinal) ? 3
        : Text.Contains("{term2}", StringComparison.Ordinal) ? 2
        : Text.Contains("{term}", StringComparison.Ordinal) ? 1 : 0;

    public IEnumerable<string> Placeholders => PlaceholderPattern().Matches(Text).Select(m => m.Groups[1].Value);

    public bool Fits(Seniority level, int terms) => terms >= TermsNeeded && (Levels is null || Levels.Contains(level));

    /// <summary>The text with <paramref name="role"/> and the first <see cref="TermsNeeded"/> of <paramref name="terms"/> put in.</summary>
    public string Fill(string role, IReadOnlyList<string> terms)
    {
        // Terms first: a role is free text and might itself hold "{term}".
        var text = Text;
        string[] names = ["{term}", "{term2}", "{term3}"];
        for (var i = 0; i < TermsNeeded; i++)
        {
            text = text.Replace(names[i], terms[i], StringComparison.Ordinal);
        }

        return text.Replace("{role}", role, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PlaceholderPattern();
}
