using Interview.Core.Plans;
using Interview.Core.Drafting;

namespace Interview.Core.Tests.Plans.Drafting;

/// <summary>The offline drafter on the embedded library, and what a draft's questions say.</summary>
internal static class Drafts
{
    public static PlanDrafter Drafter { get; } = new(CompetencyLibrary.LoadEmbedded());

    public static InterviewPlan Of(string jobDescription, string? role = null, Seniority? seniority = null) =>
        Drafter.Draft(new DraftRequest(jobDescription, role, seniority));

    public static IEnumerable<string> Questions(InterviewPlan plan, string? phase = null) =>
        plan.Phases.Where(p => phase is null || p.Name == phase).SelectMany(p => p.Questions).Select(q => q.Text);

    public static IEnumerable<string> Competencies(InterviewPlan plan) => plan.Competencies.Select(c => c.Name);
}
