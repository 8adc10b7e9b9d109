using System.Text.RegularExpressions;
using Interview.Core.Plans;

namespace Interview.Core.Drafting;

/// <summary>
/// Finds a posting's own terms: the library's known tools and topics wherever they appear (spelled the library's
/// way), technical-looking words (<see cref="TermShape"/>), and runs of up to three capitalized words. A capitalized
/// run is put in questions only after a cue such as "experience with", "such as" or "we use", where it names a tool;
/// elsewhere it is likely a company, a city or a product name and only goes to the speech recognizer.
/// </summary>
internal sealed partial class TermExtractor
{
    private const int MaxRunWords = 3;

    /// <summary>Longer "terms" are noise (a pasted URL, a hash), and would push a question past its length limit.</summary>
    public const int MaxTermChars = 40;

    private readonly Dictionary<string, string> _known;
    private readonly Regex _knownPattern;
    private readonly HashSet<string> _ignored;

    public TermExtractor(CompetencyLibrary library)
    {
        _known = library.Competencies.SelectMany(c => c.Terms)
            .DistinctBy(t => t, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(t => t, StringComparer.OrdinalIgnoreCase);
        var alternatives = _known.Keys.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).Select(Regex.Escape);
        _knownPattern = new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{N}}#+])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        _ignored = library.IgnoredWords.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The terms in order of first appearance; words of <paramref name="role"/> are never terms of it.</summary>
    public IReadOnlyList<JobTerm> Extract(JobPosting posting, string role)
    {
        var ignored = new HashSet<string>(_ignored, StringComparer.OrdinalIgnoreCase);
        ignored.UnionWith(TermShape.WordPattern().Matches(role).Select(m => m.Value));
        var hits = new List<(string Text, bool Known, bool Key, int Sentence, int Position)>();
        for (var i = 0; i < posting.Sentences.Count; i++)
        {
            var sentence = posting.Sentences[i];
            var covered = new List<Match>();
            foreach (Match match in _knownPattern.Matches(sentence.Text))
            {
                if (KnownSpelling(match.Value) is { } known)
                {
                    hits.Add((known, true, true, i, sentence.Start + match.Index));
                    covered.Add(match);
                }
            }

            var cue = CuePattern().Match(sentence.Text) is { Success: true } c ? c.Index + c.Length : int.MaxValue;
            foreach (var (text, index, technical) in Runs(sentence.Text, covered, ignored))
            {
                hits.Add((text, false, technical || index >= cue, i, sentence.Start + index));
            }
        }

        return hits
            .Where(h => h.Text.Length <= MaxTermChars)
            .GroupBy(h => h.Text, StringComparer.OrdinalIgnoreCase)
            .Select(g => new JobTerm(g.First().Text, g.Any(h => h.Known), g.Any(h => h.Key),
                [.. g.Select(h => h.Sentence).Distinct().Order()], g.Min(h => h.Position)))
            .OrderBy(t => t.Position)
            .ToList();
    }

    // "REST" is not "rest" nor "Rest", "Excel" is not "excel at", but "dbt" is "DBT": a capital in the library's
    // spelling must be in the posting's too.
    private string? KnownSpelling(string match)
    {
        var known = _known[match];
        var acronym = known.Where(char.IsLetter).All(char.IsUpper);
        var ok = (!char.IsUpper(known[0]) || char.IsUpper(match[0])) && (!acronym || match.Where(char.IsLetter).All(char.IsUpper));
        return ok ? known : null;
    }

    private static IEnumerable<(string Text, int Index, bool Technical)> Runs(string sentence, List<Match> covered, HashSet<string> ignored)
    {
        var heading = TermShape.IsHeading(sentence);
        var words = TermShape.WordPattern().Matches(sentence).ToList();
        var run = new List<Match>();
        for (var i = 0; i <= words.Count; i++)
        {
            var word = i < words.Count ? words[i] : null;
            var fits = word is not null && !ignored.Contains(word.Value) && !covered.Any(k => Overlaps(k, word))
                       && Eligible(word.Value, i, heading);
            if (fits && (run.Count == 0 || Gap(sentence, run[^1], word!) is " "))
            {
                run.Add(word!);
                continue;
            }

            if (run.Count is > 0 and <= MaxRunWords)
            {
                var text = sentence[run[0].Index..(run[^1].Index + run[^1].Length)];
                yield return (text, run[0].Index, run.Any(w => TermShape.IsTechnical(w.Value)));
            }

            run = fits ? [word!] : [];
        }
    }

    // A technical word counts anywhere but as a heading's acronym; a capitalized one neither in a heading nor first in a sentence.
    private static bool Eligible(string word, int index, bool heading) =>
        TermShape.IsTechnical(word)
            ? !(heading && TermShape.IsAcronym(word))
            : !heading && index > 0 && TermShape.IsCapitalized(word);

    private static bool Overlaps(Match a, Match b) => a.Index < b.Index + b.Length && b.Index < a.Index + a.Length;

    private static ReadOnlySpan<char> Gap(string sentence, Match before, Match after) =>
        sentence.AsSpan(before.Index + before.Length, after.Index - before.Index - before.Length);

    [GeneratedRegex(@"\b(?:experience (?:with|in|using|of|building)|experienced (?:with|in)|familiar(?:ity)? with|knowledge of|" +
                    @"proficien(?:t|cy) (?:in|with)|expertise in|skilled in|background in|exposure to|hands-on with|such as|e\.g\.|" +
                    @"including|tools like|stack|using|we use|work with)", RegexOptions.IgnoreCase)]
    private static partial Regex CuePattern();
}
