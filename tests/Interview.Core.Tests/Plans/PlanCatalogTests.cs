using Interview.Core.Plans;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Plans;

public sealed class PlanCatalogTests
{
    [Fact]
    public void Embedded_default_plan_has_intro_technical_behavioral_closing_in_order()
    {
        var plan = PlanCatalog.LoadEmbedded().Get(PlanCatalog.DefaultPlanId);

        Assert.Equal(["intro", "technical", "behavioral", "closing"], plan.Phases.Select(p => p.Name));
        Assert.False(plan.Phase("closing").AllowFollowups);
        Assert.All(plan.Phases, p => Assert.InRange(p.MaxQuestions, 1, p.Questions.Count));
        Assert.True(plan.Phases.Sum(p => p.MaxQuestions) <= plan.MaxQuestions, "Every primary question fits the overall budget.");
    }

    [Fact]
    public void Unknown_plan_id_is_not_found()
    {
        var catalog = PlanCatalog.LoadEmbedded();

        Assert.Contains(PlanCatalog.DefaultPlanId, catalog.Ids);
        Assert.False(catalog.TryGet("astronaut", out _));
        Assert.Throws<KeyNotFoundException>(() => catalog.Get("astronaut"));
    }

    [Fact]
    public void Valid_custom_plan_is_accepted()
    {
        var catalog = new PlanCatalog([TestPlans.Small()]);

        Assert.Equal("small", catalog.Get("small").Id);
    }

    [Theory]
    [InlineData("duplicate question ids")]
    [InlineData("unknown competency")]
    [InlineData("zero overall budget")]
    [InlineData("zero phase budget")]
    [InlineData("phase without questions")]
    [InlineData("duplicate phase names")]
    [InlineData("no phases")]
    public void Invalid_plan_is_refused(string defect)
    {
        var plan = TestPlans.Small();
        var warmup = plan.Phases[0];
        var broken = defect switch
        {
            "duplicate question ids" => WithWarmup(plan, warmup with { Questions = [warmup.Questions[0], warmup.Questions[0]] }),
            "unknown competency" => WithWarmup(plan, warmup with { Questions = [new PlanQuestion("w1", "Why?", "juggling")] }),
            "zero overall budget" => plan with { MaxQuestions = 0 },
            "zero phase budget" => WithWarmup(plan, warmup with { MaxQuestions = 0 }),
            "phase without questions" => WithWarmup(plan, warmup with { Questions = [] }),
            "duplicate phase names" => plan with { Phases = [warmup, warmup with { Questions = [new PlanQuestion("x1", "X?", null)] }] },
            "no phases" => plan with { Phases = [] },
            _ => throw new ArgumentOutOfRangeException(nameof(defect)),
        };

        Assert.Throws<InvalidDataException>(() => new PlanCatalog([broken]));
    }

    private static InterviewPlan WithWarmup(InterviewPlan plan, InterviewPhase warmup) =>
        plan with { Phases = [warmup, .. plan.Phases.Skip(1)] };
}
