using System.Globalization;
using System.Text.RegularExpressions;
using Interview.Core.Plans;

namespace Interview.Core.Drafting;

/// <summary>
/// The role a job description is for, when the recruiter did not say: a "Title:" line, else a first line that reads like a job title (or
/// its part before a colon), else "we're looking for a …". A title must name a kind of job ("engineer", "manager"…), so "About Acme" or a
/// first sentence of prose is never taken for one.
/// </summary>
internal static partial class RoleTitle
{
    public const int MaxWords = 8;

    public static string? Find(string text)
    {
        if (LabelledPattern().Match(text) is { Success: true } labelled && Clean(labelled.Groups[1].Value) is { } fromLabel)
        {
            return fromLabel;
        }

        var first = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        if (!first.EndsWith('.') && Clean(first) is { } fromFirstLine)
        {
            return fromFirstLine;
        }

        // "Data engineer: build pipelines with Kafka…" puts the title before the first colon of a one-line posting.
        if (first.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && Clean(first[..colon]) is { } beforeColon)
        {
            return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(beforeColon);
        }

        return HiringPattern().Match(text) is { Success: true } hiring && Clean(hiring.Groups["role"].Value) is { } fromProse
            ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(fromProse)
            : null;
    }

    public static Seniority? LevelOf(string role) =>
        LeadPattern().IsMatch(role) ? Seniority.Lead
        : SeniorPattern().IsMatch(role) ? Seniority.Senior
        : JuniorPattern().IsMatch(role) ? Seniority.Junior
        : null;

    // "## Senior Data Engineer (Remote) - Acme" reads as "Senior Data Engineer".
    private static string? Clean(string line)
    {
        var title = DecorationPattern().Replace(line, "");
        title = SuffixPattern().Replace(title, "").Trim().TrimEnd(':').Trim();
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= MaxWords && title.Length <= PlanLimits.MaxRoleChars && JobNounPattern().IsMatch(title)
            ? string.Join(' ', words)
            : null;
    }

    [GeneratedRegex(@"^\s*(?:job title|title|role|position)\s*[:\-–]\s*(.+)$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex LabelledPattern();

    [GeneratedRegex(@"(?:looking for|hiring|seeking|searching for|join us as|join our team as)\s+(?:an?\s+|our\s+(?:next|first)\s+)?" +
                    @"(?<role>[\p{L}/&\- ]{3,60}?)(?=\s+(?:to|who|with|that|in|at|for|on|and|based)\b|[.,;:!()\n]|$)",
                    RegexOptions.IgnoreCase)]
    private static partial Regex HiringPattern();

    [GeneratedRegex(@"^[#*\s>]+|[*_`]+|\([^)]*\)")]
    private static partial Regex DecorationPattern();

    [GeneratedRegex(@"\s+(?:[-–—|@]|at)\s+.*$")]
    private static partial Regex SuffixPattern();

    [GeneratedRegex(@"\b(?:engineer|developer|programmer|architect|scientist|analyst|designer|manager|director|head|lead|" +
                    @"specialist|executive|representative|consultant|administrator|coordinator|officer|associate|intern|advisor|" +
                    @"strategist|researcher|writer|recruiter|accountant|technician|operator|agent|owner|partner|marketer|sre|devops)s?\b",
                    RegexOptions.IgnoreCase)]
    private static partial Regex JobNounPattern();

    [GeneratedRegex(@"\b(?:lead|principal|staff|head|director|vp|chief)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadPattern();

    [GeneratedRegex(@"\b(?:senior|sr\.?)(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SeniorPattern();

    [GeneratedRegex(@"\b(?:junior|jr\.?|graduate|entry[- ]level|intern|trainee|apprentice)(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex JuniorPattern();
}
