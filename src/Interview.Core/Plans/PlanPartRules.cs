using System.Text.RegularExpressions;

namespace Interview.Core.Plans;

/// <summary>The rules for a plan's competencies and phases, for <see cref="PlanRules"/>. Nulls are reported, never thrown on.</summary>
internal static partial class PlanPartRules
{
    private const string SnakeCase = "snake_case (lowercase letters, digits and underscores, starting with a letter)";
    private const string Slug = "lowercase letters, digits, hyphens and underscores, starting with a letter or digit";

    /// <summary>Checks the competencies and returns their names, for the questions that refer to them.</summary>
    public static HashSet<string> Competencies(List<string> problems, IReadOnlyList<Competency> competencies)
    {
        if (competencies.Count is 0 or > PlanLimits.MaxCompetencies)
        {
            problems.Add($"needs 1 to {PlanLimits.MaxCompetencies} competencies, has {competencies.Count}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var competency in Present(problems, "competencies", competencies))
        {
            var what = $"competency '{competency.Name}'";
            Name(problems, $"{what}: name", competency.Name, CompetencyNamePattern(), SnakeCase);
            Unique(problems, names, competency.Name, "competency names");

            PlanRules.Text(problems, $"{what}: description", competency.Description, PlanLimits.MaxTextChars, required: true);
            var keywords = competency.Keywords ?? [];
            if (keywords.Count == 0)
            {
                problems.Add($"{what}: needs at least one keyword");
            }

            PlanRules.Terms(problems, $"{what}: keywords", keywords, PlanLimits.MaxKeywordsPerCompetency, lowercase: true);
        }

        return names;
    }

    public static void Phases(List<string> problems, IReadOnlyList<InterviewPhase> phases, HashSet<string> competencies)
    {
        if (phases.Count is 0 or > PlanLimits.MaxPhases)
        {
            problems.Add($"needs 1 to {PlanLimits.MaxPhases} phases, has {phases.Count}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phase in Present(problems, "phases", phases))
        {
            var what = $"phase '{phase.Name}'";
            Name(problems, $"{what}: name", phase.Name, SlugPattern(), Slug);
            Unique(problems, names, phase.Name, "phase names");

            PlanRules.Text(problems, $"{what}: transition", phase.Transition, PlanLimits.MaxTextChars, required: false);
            var questions = phase.Questions ?? [];
            if (questions.Count is 0 or > PlanLimits.MaxQuestionsPerPhase)
            {
                problems.Add($"{what}: needs 1 to {PlanLimits.MaxQuestionsPerPhase} questions, has {questions.Count}");
            }

            if (phase.MaxQuestions < 1 || (questions.Count > 0 && phase.MaxQuestions > questions.Count))
            {
                problems.Add(
                    $"{what}: max_questions must be between 1 and its number of questions ({questions.Count}), is {phase.MaxQuestions}");
            }

            foreach (var question in Present(problems, $"{what}: questions", questions))
            {
                Question(problems, question, ids, competencies);
            }
        }
    }

    private static void Question(List<string> problems, PlanQuestion question, HashSet<string> ids, HashSet<string> competencies)
    {
        var what = $"question '{question.Id}'";
        Name(problems, $"{what}: id", question.Id, SlugPattern(), Slug);
        Unique(problems, ids, question.Id, "question ids");

        PlanRules.Text(problems, $"{what}: text", question.Text, PlanLimits.MaxTextChars, required: true);
        if (question.Competency is not null && !competencies.Contains(question.Competency))
        {
            problems.Add($"{what} names competency '{question.Competency}', which the plan does not have");
        }
    }

    // A list that came from JSON may hold nulls despite its type.
    private static IEnumerable<T> Present<T>(List<string> problems, string what, IReadOnlyList<T> items)
        where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                problems.Add($"{what}[{i}] is null");
                continue;
            }

            yield return items[i];
        }
    }

    private static void Unique(List<string> problems, HashSet<string> seen, string? name, string what)
    {
        if (name is not null && !seen.Add(name))
        {
            problems.Add($"{what} must be unique: '{name}' appears more than once");
        }
    }

    private static void Name(List<string> problems, string what, string? name, Regex pattern, string shape)
    {
        if (name is null || name.Length > PlanLimits.MaxNameChars || !pattern.IsMatch(name))
        {
            problems.Add($"{what} must be {shape}, at most {PlanLimits.MaxNameChars} characters");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex CompetencyNamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex SlugPattern();
}
