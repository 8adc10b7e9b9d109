using System.Text.RegularExpressions;

namespace Interview.Core.Plans;

/// <summary>
/// What makes a plan runnable, as every problem at once (so a recruiter fixes a posted plan in one round trip).
/// Each message names the part of the plan by its JSON name. The built-in plans, recruiters' plans and drafts all pass here.
/// </summary>
public static partial class PlanRules
{
    /// <summary>The problems of <paramref name="plan"/>, in the order of its JSON; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(InterviewPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<string>();
        void Require(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Require(IsPlanId(plan.Id),
            $"id '{plan.Id}' must be 2 to 63 lowercase letters, digits or hyphens, starting with a letter or digit");
        Text(problems, "role", plan.Role, PlanLimits.MaxRoleChars, required: true);
        Require(plan.MaxQuestions is > 0 and <= PlanLimits.MaxOverallQuestions,
            $"max_questions must be between 1 and {PlanLimits.MaxOverallQuestions}");
        Require(plan.MaxFollowupsPerQuestion is >= 0 and <= PlanLimits.MaxFollowupsPerQuestion,
            $"max_followups_per_question must be between 0 and {PlanLimits.MaxFollowupsPerQuestion}");
        Require(plan.MinAnswerWords is >= 0 and <= PlanLimits.MaxMinAnswerWords,
            $"min_answer_words must be between 0 and {PlanLimits.MaxMinAnswerWords}");
        Text(problems, "closing_remark", plan.ClosingRemark, PlanLimits.MaxTextChars, required: false);
        Require(LocalePattern().IsMatch(plan.Locale ?? ""), $"locale '{plan.Locale}' must be a language tag such as en-US");
        Text(problems, "voice", plan.Voice, PlanLimits.MaxNameChars, required: false);
        Terms(problems, "vocabulary", plan.Vocabulary ?? [], PlanLimits.MaxVocabulary, lowercase: false);
        About(problems, plan.About);
        Require(plan.SilenceSeconds is >= PlanLimits.MinSilenceSeconds and <= PlanLimits.MaxSilenceSeconds,
            $"silence_seconds must be between {PlanLimits.MinSilenceSeconds} and {PlanLimits.MaxSilenceSeconds}");

        var competencies = PlanPartRules.Competencies(problems, plan.Competencies ?? []);
        var phases = (plan.Phases ?? []).ToList();
        PlanPartRules.Phases(problems, phases, competencies);
        var budgets = phases.Where(p => p is not null).Sum(p => Math.Max(p.MaxQuestions, 0));
        Require(budgets <= plan.MaxQuestions || plan.MaxQuestions <= 0,
            $"the phases' max_questions add up to {budgets}, more than the plan's max_questions of {plan.MaxQuestions}");
        Require(phases.Any(p => p?.Name == "closing") || !string.IsNullOrWhiteSpace(plan.ClosingRemark),
            "needs a closing phase or a closing_remark");
        return problems;
    }

    /// <summary>Text no longer than <paramref name="max"/>; with <paramref name="required"/>, not blank either.</summary>
    internal static void Text(List<string> problems, string what, string? text, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{what} is empty");
        }
        else if (text?.Length > max)
        {
            problems.Add($"{what} is longer than {max} characters");
        }
    }

    /// <summary>A list of short terms: at most <paramref name="max"/>, each non-blank and short (and lowercase where asked).</summary>
    internal static void Terms(List<string> problems, string what, IReadOnlyList<string> terms, int max, bool lowercase)
    {
        if (terms.Count > max)
        {
            problems.Add($"{what} has {terms.Count} entries; at most {max}");
        }

        foreach (var term in terms.Where(t => string.IsNullOrWhiteSpace(t) || t.Length > PlanLimits.MaxTermChars
                                              || (lowercase && t != t.ToLowerInvariant())).Distinct())
        {
            var shape = lowercase ? "non-empty, lowercase" : "non-empty";
            problems.Add($"{what} entry '{term}' must be {shape} and at most {PlanLimits.MaxTermChars} characters");
        }
    }

    private static void About(List<string> problems, PlanAbout? about)
    {
        foreach (var (name, text) in about?.Facts() ?? [])
        {
            Text(problems, $"about.{name}", text, PlanLimits.MaxAboutChars, required: false);
        }
    }

    /// <summary>A plan id: 2 to 63 lowercase letters, digits or hyphens, starting with a letter or digit.</summary>
    public static bool IsPlanId(string? id) => id is not null && PlanIdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex PlanIdPattern();

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LocalePattern();
}
