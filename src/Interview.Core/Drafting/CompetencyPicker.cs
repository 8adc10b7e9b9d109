using Interview.Core.Rules;
using Interview.Core.Plans;
using Interview.Core.Utterances;

namespace Interview.Core.Drafting;

/// <summary>A library competency chosen for a draft, how strongly the posting asked for it, and its terms from the posting.</summary>
internal sealed record PickedCompetency(LibraryCompetency Library, int Score, IReadOnlyList<string> Terms);

/// <summary>
/// Chooses a draft's competencies by how strongly the posting asks for them: each distinct word matching one of the
/// competency's signals scores one (one more in the role), each of its known terms the posting names scores two.
/// Up to four skills scoring at least <see cref="MinScore"/> (one stray word is not a requirement), and two
/// behavioral competencies (leadership first for senior and lead hires); fallbacks fill in when a posting says too
/// little. Ties go to the library's order.
/// </summary>
internal static class CompetencyPicker
{
    public const int MaxSkills = 4;
    public const int MinSkills = 2;
    public const int Behavioral = 2;
    public const int MinScore = 2;

    public static IReadOnlyList<PickedCompetency> Pick(CompetencyLibrary library, JobPosting posting, string role,
        IReadOnlyList<JobTerm> terms, Seniority level)
    {
        var scored = library.Competencies
            .Select(c => new PickedCompetency(c, Score(c, posting.Text, role, terms), TermsOf(c, posting, terms)))
            .ToList();
        // OrderBy is a stable sort: ties keep the library's order.
        var ranked = scored.Where(p => p.Score > 0).OrderByDescending(p => p.Score).ToList();

        var picked = ranked.Where(p => p.Library.Kind == CompetencyKind.Skill && p.Score >= MinScore).Take(MaxSkills).ToList();
        Fill(picked, scored.Where(p => p.Library.Kind == CompetencyKind.Skill && p.Library.Fallback), MinSkills);

        var behavioral = new List<PickedCompetency>();
        if (level is Seniority.Senior or Seniority.Lead)
        {
            Fill(behavioral, scored.Where(p => p.Library.Name == "leadership"), 1);
        }

        Fill(behavioral, ranked.Where(p => p.Library.Kind == CompetencyKind.Behavioral), Behavioral);
        Fill(behavioral, scored.Where(p => p.Library.Kind == CompetencyKind.Behavioral && p.Library.Fallback), Behavioral);
        return [.. picked, .. behavioral];
    }

    private static void Fill(List<PickedCompetency> picked, IEnumerable<PickedCompetency> candidates, int count)
    {
        foreach (var candidate in candidates)
        {
            if (picked.Count >= count)
            {
                return;
            }

            if (!picked.Any(p => p.Library.Name == candidate.Library.Name))
            {
                picked.Add(candidate);
            }
        }
    }

    // The role (given, or the posting's title) counts again: a "Customer Success Manager" posting is about customer success.
    private static int Score(LibraryCompetency competency, string text, string title, IReadOnlyList<JobTerm> terms) =>
        TopicDetector.Mentions(competency.SignalMatcher, text).Count
        + TopicDetector.Mentions(competency.SignalMatcher, title).Count
        + (2 * terms.Count(t => t.Known && competency.Terms.Contains(t.Text, StringComparer.Ordinal)));

    // A competency's terms: its known ones the posting names, and unknown ones sharing a sentence with one of its
    // signals. A known term of another field stays there: Figma next to "design system" is not a frontend codebase.
    private static IReadOnlyList<string> TermsOf(LibraryCompetency competency, JobPosting posting, IReadOnlyList<JobTerm> terms)
    {
        var signalled = Enumerable.Range(0, posting.Sentences.Count)
            .Where(i => TopicDetector.Mentions(competency.SignalMatcher, posting.Sentences[i].Text).Count > 0)
            .ToHashSet();
        return terms
            .Where(t => t.Key)
            .Where(t => t.Known ? competency.Terms.Contains(t.Text, StringComparer.Ordinal) : t.Sentences.Any(signalled.Contains))
            .Select(t => t.Text)
            .ToList();
    }
}
