using Interview.Core.Plans;

namespace Interview.Core.Tests.TestDoubles;

internal static class TestPlans
{
    public static InterviewPlan Default { get; } = PlanCatalog.LoadEmbedded().Get(PlanCatalog.DefaultPlanId);

    /// <summary>The default plan as the session service hands it to the agent at start.</summary>
    public static PinnedPlan DefaultPinned { get; } = new(Default, 0);

    /// <summary>
    /// A small plan for budget cases: warmup (2 of 2, no transition), deep (3 of 3), wrap (2 of 2, no follow-ups).
    /// </summary>
    public static InterviewPlan Small(int maxQuestions = 20, int maxFollowups = 1) => new(
        "small",
        "Tester",
        [new Competency("design", "Designs things.", ["cache", "queue"])],
        [
            new InterviewPhase("warmup", "", 2, true, [Q("w1"), Q("w2")]),
            new InterviewPhase("deep", "Now the deep part.", 3, true, [Q("d1", "design"), Q("d2", "design"), Q("d3")]),
            new InterviewPhase("wrap", "Last part.", 2, false, [Q("z1"), Q("z2")]),
        ],
        maxQuestions,
        maxFollowups,
        15,
        "That's all from me.");

    private static PlanQuestion Q(string id, string? competency = null) => new(id, $"Question {id}?", competency);
}
