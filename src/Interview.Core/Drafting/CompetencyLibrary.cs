using System.Text.Json;
using Interview.Core.Plans;

namespace Interview.Core.Drafting;

/// <summary>
/// What the offline drafter builds plans from (Drafting/competencies.json, embedded): competencies with their
/// signals, terms and question templates, the intro questions, the closing, the phase transitions, and words that
/// are never a posting's own terms. Validated once at load, like the built-in plans.
/// </summary>
public sealed record CompetencyLibrary(
    IReadOnlyList<LibraryCompetency> Competencies,
    IReadOnlyList<QuestionTemplate> IntroQuestions,
    string ClosingQuestion,
    string ClosingRemark,
    PhaseTransitions Transitions,
    IReadOnlyList<string> IgnoredWords)
{
    private const string Resource = "Interview.Drafting.competencies.json";

    private static readonly Lazy<CompetencyLibrary> Embedded = new(Load);

    /// <summary>The embedded library, read and validated on first use.</summary>
    public static CompetencyLibrary LoadEmbedded() => Embedded.Value;

    /// <summary>Why the library cannot draft every kind of plan; empty when it can.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        PlanPartRules.Competencies(problems, [.. Competencies.Select(c => c.Competency)]);
        foreach (var template in Competencies.SelectMany(c => c.Questions).Concat(IntroQuestions))
        {
            var unknown = template.Placeholders.Except(QuestionTemplate.KnownPlaceholders).ToList();
            if (unknown.Count > 0 || template.Text.Length > PlanLimits.MaxTextChars)
            {
                problems.Add($"question template '{template.Id}' has unknown placeholders {string.Join(", ", unknown)} or is too long");
            }
        }

        // Every level must find two questions per competency even in a posting with no terms at all.
        foreach (var competency in Competencies)
        {
            foreach (var level in Enum.GetValues<Seniority>())
            {
                if (competency.QuestionGroups.Count(g => g.Any(t => t.Fits(level, 0))) < 2)
                {
                    problems.Add($"competency '{competency.Name}' has fewer than two questions a {level} hire can be asked without terms");
                }
            }
        }

        foreach (var kind in Enum.GetValues<CompetencyKind>())
        {
            if (Competencies.Count(c => c.Kind == kind && c.Fallback) < 2)
            {
                problems.Add($"needs two fallback {kind} competencies");
            }
        }

        return problems;
    }

    private static CompetencyLibrary Load()
    {
        using var stream = typeof(CompetencyLibrary).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidDataException($"Resource {Resource} is missing.");
        var library = JsonSerializer.Deserialize<CompetencyLibrary>(stream, PlanJson.Options)
            ?? throw new InvalidDataException($"Resource {Resource} is empty.");
        var problems = library.Problems();
        return problems.Count == 0 ? library : throw new InvalidDataException($"Competency library: {string.Join("; ", problems)}.");
    }
}

/// <summary>What the interviewer says on entering each phase of a drafted plan.</summary>
public sealed record PhaseTransitions(string Technical, string Skills, string Behavioral, string Closing);
