using System.Text.RegularExpressions;

namespace Interview.Core.Plans;

/// <summary>The rules for a plan's competencies and phases, for <see cref="PlanRules"/>. Nulls are reported, never thrown on.</summary>
internal static partial class PlanPartRules
{
    /// <summary>Checks the competencies and returns their names, for the questions that refer to them.</summary>
    public static HashSet<string> Competencies(List<string> problems, IReadOnlyList<Competency> competencies)
    {
        if (competencies.Count is 0 or > PlanLimits.MaxCompetencies)
        {
            problems.Add($"needs 1 to {PlanLimits.MaxCompetencies} competencies, has {competencies.Count}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (competency, index) in competencies.Select((c, i) => (c, i)))
        {
            if (competency is null)
            {
                problems.Add($"competencies[{index}] is null");
                continue;
            }

            var what = $"competency '{competency.Name}'";
            Name(problems, $"{what}: name", competency.Name, CompetencyNamePattern(), SnakeCase);
            if (competency.Name is not null && !names.Add(competency.Name))
            {
                problems.Add($"competency names must be unique: '{competency.Name}' appears more than once");
            }

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
        foreach (var (phase, index) in phases.Select((p, i) => (p, i)))
        {
            if (phase is null)
            {
                problems.Add($"phases[{index}] is null");
                continue;
            }

            var what = $"phase '{phase.Name}'";
            Name(problems, $"{what}: name", phase.Name, SlugPattern(), Slug);
            if (phase.Name is not null && !names.Add(phase.Name))
            {
                problems.Add($"phase names must be unique: '{phase.Name}' appears more than once");
            }

            PlanRules.Text(problems, $"{what}: transition", phase.Transition, PlanLimits.MaxTextChars, required: false);
            var questions = phase.Questions ?? [];
            if (questions.Count is 0 or > PlanLimits.MaxQuestionsPerPhase)
            {
                problems.Add($"{what}: needs 1 to {PlanLimits.MaxQuestionsPerPhase} questions, has {questions.Count}");
            }

            if (phase.MaxQuestions < 1 || (questions.Count > 0 && phase.MaxQuestions > questions.Count))
            {
                problems.Add($"{what}: max_questions must be between 1 and its number of questions ({questions.Count}), is {phase.MaxQuestions}");
            }

            foreach (var (question, q) in questions.Select((x, i) => (x, i)))
            {
                Question(problems, $"{what}: questions[{q}]", question, ids, competencies);
            }
        }
    }

    private static void Question(List<string> problems, string where, PlanQuestion? question, HashSet<string> ids, HashSet<string> competencies)
    {
        if (question is null)
        {
            problems.Add($"{where} is null");
            return;
        }

        var what = $"question '{question.Id}'";
        Name(problems, $"{what}: id", question.Id, SlugPattern(), Slug);
        if (question.Id is not null && !ids.Add(question.Id))
        {
            problems.Add($"question ids must be unique: '{question.Id}' appears more than once");
        }

        PlanRules.Text(problems, $"{what}: text", question.Text, PlanLimits.MaxTextChars, required: true);
        if (question.Competency is not null && !competencies.Contains(question.Competency))
        {
            problems.Add($"{what} names competency '{question.Competency}', which the plan does not have");
        }
    }

    private const string SnakeCase = "snake_case (lowercase letters, digits and underscores, starting with a letter)";
    private const string Slug = "lowercase letters, digits, hyphens and underscores, starting with a letter or digit";

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
