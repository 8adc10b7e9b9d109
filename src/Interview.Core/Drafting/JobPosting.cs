using System.Globalization;
using System.Text.RegularExpressions;
using Interview.Core.Plans;

namespace Interview.Core.Drafting;

/// <summary>
/// A job description read into what the drafter needs: its title (a "Title:" line, a heading-like first line, or
/// "we're looking for a …"), its sentences (lines and full stops; bullets are sentences of their own) with their
/// offsets, a "Location:" line, and the seniority its title or years of experience suggest.
/// </summary>
internal sealed partial record JobPosting(string Text, string? Title, IReadOnlyList<Sentence> Sentences, string? Location)
{
    public static JobPosting Read(string text)
    {
        var sentences = new List<Sentence>();
        foreach (Match line in LinePattern().Matches(text))
        {
            var body = BulletPattern().Match(line.Value) is { Success: true } bullet ? bullet.Index + bullet.Length : 0;
            var start = body;
            foreach (Match end in SentenceEndPattern().Matches(line.Value, body))
            {
                Add(sentences, line.Index + start, line.Value[start..end.Index]);
                start = end.Index + end.Length;
            }

            Add(sentences, line.Index + start, line.Value[start..]);
        }

        var location = LocationPattern().Match(text) is { Success: true } l ? Clip(l.Groups[1].Value, 100) : null;
        return new JobPosting(text, RoleTitle.Find(text), sentences, location);
    }

    /// <summary>Junior, senior or lead when the title or "N+ years" says so; otherwise mid.</summary>
    public Seniority SuggestedSeniority(string role)
    {
        if (RoleTitle.LevelOf(role) is { } level)
        {
            return level;
        }

        var years = YearsPattern().Matches(Text)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(-1)
            .Max();
        return years switch
        {
            >= 5 => Seniority.Senior,
            >= 0 and <= 1 => Seniority.Junior,
            _ => Seniority.Mid,
        };
    }

    private static void Add(List<Sentence> sentences, int start, string text)
    {
        var trimmed = text.TrimEnd();
        var lead = trimmed.Length - trimmed.TrimStart().Length;
        if (trimmed.Length > lead)
        {
            sentences.Add(new Sentence(start + lead, trimmed[lead..]));
        }
    }

    private static string? Clip(string text, int max)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? null : trimmed.Length <= max ? trimmed : trimmed[..max];
    }

    [GeneratedRegex(@"[^\r\n]+")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"^\s*(?:[-*•·▪–]|\d{1,2}[.)])\s+")]
    private static partial Regex BulletPattern();

    // A full stop ends a sentence, but not in "e.g. Kafka" or "Node.js".
    [GeneratedRegex(@"(?<!\b(?:e\.g|i\.e|etc|vs|incl|approx))[.!?]+(?:\s+|$)")]
    private static partial Regex SentenceEndPattern();

    [GeneratedRegex(@"^\s*(?:location|based in|office)\s*[:\-–]\s*(.+)$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex LocationPattern();

    [GeneratedRegex(@"\b(\d{1,2})\+?\s*(?:-\s*\d{1,2}\s*)?years?\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearsPattern();
}

/// <summary>A sentence of a posting and where it starts in the posting's text.</summary>
internal sealed record Sentence(int Start, string Text);
