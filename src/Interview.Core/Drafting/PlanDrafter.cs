using System.Text.RegularExpressions;
using Interview.Core.Plans;

namespace Interview.Core.Drafting;

/// <summary>
/// Drafts a complete, valid plan from a job description with no model: competencies picked from the
/// <see cref="CompetencyLibrary"/> by what the posting asks for, questions from their templates filled with the
/// posting's own terms, phases intro, technical (skills for roles outside engineering and data), behavioral and
/// closing, budgets by seniority, and the terms as the speech recognizer's vocabulary. Same input, same plan.
/// </summary>
public sealed partial class PlanDrafter(CompetencyLibrary library)
{
    public const string FallbackRole = "Team Member";
    public const int MaxVocabulary = 30;
    private const int QuestionsPerCompetency = 2;

    private readonly TermExtractor _extractor = new(library);

    public InterviewPlan Draft(DraftRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var posting = JobPosting.Read(request.JobDescription);
        var role = request.Role?.Trim() is { Length: > 0 } given ? Clip(given, PlanLimits.MaxRoleChars) : posting.Title ?? FallbackRole;
        var level = request.Seniority ?? posting.SuggestedSeniority(role);
        var terms = _extractor.Extract(posting, role);
        var picked = CompetencyPicker.Pick(library, posting, role, terms, level);
        var skills = picked.Where(p => p.Library.Kind == CompetencyKind.Skill).ToList();
        var technical = skills[0].Library.Family is CompetencyFamily.Engineering or CompetencyFamily.Data;
        var budgets = DraftBudgets.For(level);
        var writer = new QuestionWriter(role, level);

        // Skills are written before the intro, so their questions have the first pick of the terms and the intro
        // names the ones they left out.
        var skillPhase = technical
            ? Bank("technical", "tech", library.Transitions.Technical, skills, budgets.Skills, writer)
            : Bank("skills", "skill", library.Transitions.Skills, skills, budgets.Skills, writer);
        var behavioralPhase = Bank("behavioral", "beh", library.Transitions.Behavioral, [.. picked.Except(skills)],
            budgets.Behavioral, writer);
        InterviewPhase[] phases =
        [
            Intro([.. Relevant(terms, picked)], budgets.Intro, writer),
            skillPhase,
            behavioralPhase,
            new("closing", library.Transitions.Closing, 1, false, [new PlanQuestion("close-questions", library.ClosingQuestion, null)]),
        ];
        var primary = phases.Sum(p => p.MaxQuestions);
        var vocabulary = Relevant(terms, picked).Concat(terms.Select(t => t.Text))
            .Where(t => t.Length <= PlanLimits.MaxTermChars)
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxVocabulary).ToList();
        return new InterviewPlan(Slug(role), role, [.. picked.Select(p => p.Library.Competency)], phases,
            DraftBudgets.Overall(primary), budgets.Followups, budgets.MinAnswerWords, library.ClosingRemark,
            Vocabulary: vocabulary, About: new PlanAbout(null, null, null, null, posting.Location));
    }

    /// <summary>A plan id from a role: "Senior Data Engineer (Remote)" is "senior-data-engineer-remote".</summary>
    public static string Slug(string role)
    {
        var slug = NotSlugPattern().Replace(role.ToLowerInvariant(), "-").Trim('-');
        slug = slug.Length > 63 ? slug[..63].TrimEnd('-') : slug;
        return PlanRules.IsPlanId(slug) ? slug : "drafted-plan";
    }

    private InterviewPhase Intro(IReadOnlyList<string> terms, int budget, QuestionWriter writer)
    {
        var questions = library.IntroQuestions.GroupBy(q => q.Id, StringComparer.Ordinal)
            .Select(g => writer.Write(g, terms))
            .OfType<(QuestionTemplate Template, string Text)>()
            .Select(q => new PlanQuestion(q.Template.Id, q.Text, null))
            .ToList();
        return new InterviewPhase("intro", "", Math.Min(budget, questions.Count), true, questions);
    }

    // First questions of every competency, then second ones: a phase's budget then asks about each competency once
    // before asking about any twice.
    private static InterviewPhase Bank(string name, string prefix, string transition, IReadOnlyList<PickedCompetency> competencies,
        int budget, QuestionWriter writer)
    {
        var groups = competencies
            .Select(c => (c, Groups: c.Library.QuestionGroups
                .Where(g => writer.CanWrite(g, c.Terms.Count))
                .Take(QuestionsPerCompetency)
                .ToList()))
            .ToList();
        var questions = new List<PlanQuestion>();
        for (var round = 0; round < QuestionsPerCompetency; round++)
        {
            foreach (var (competency, mine) in groups.Where(g => round < g.Groups.Count))
            {
                var (template, text) = writer.Write(mine[round], competency.Terms)!.Value;
                questions.Add(new PlanQuestion($"{prefix}-{template.Id}", text, competency.Library.Name));
            }
        }

        return new InterviewPhase(name, transition, Math.Min(budget, questions.Count), true, questions);
    }

    // The terms of the chosen competencies, known tools first, in the order the posting names them.
    private static IEnumerable<string> Relevant(IReadOnlyList<JobTerm> terms, IReadOnlyList<PickedCompetency> picked)
    {
        var chosen = picked.SelectMany(p => p.Terms).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return terms.Where(t => chosen.Contains(t.Text)).OrderByDescending(t => t.Known).Select(t => t.Text);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlugPattern();
}
