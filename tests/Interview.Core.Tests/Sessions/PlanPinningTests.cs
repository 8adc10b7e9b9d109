using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Plans;

namespace Interview.Core.Tests.Sessions;

/// <summary>An interview keeps the plan version it started with, whatever is saved later; a start takes the latest.</summary>
public sealed class PlanPinningTests
{
    private readonly SessionHarness _h = new();

    [Fact]
    public async Task Editing_a_plan_during_an_interview_changes_nothing_for_it_and_the_next_start_takes_the_new_version()
    {
        var shipped = PlanCatalog.LoadEmbedded().Get(PlanCatalog.DefaultPlanId);
        await _h.Plans.AddAsync(Renamed(shipped, "How did you first get into data work?"), CancellationToken.None);
        var service = _h.Service();

        var started = await service.StartAsync("pin-1", new StartOptions(PlanId: "data-team"), CancellationToken.None);
        await _h.Plans.AddAsync(Renamed(shipped, "What brought you to platform engineering?"), CancellationToken.None);
        var turn = await service.TurnAsync("pin-1",
            TurnInput.FromText("I started with spreadsheets and moved to SQL and Python pipelines."), null, CancellationToken.None);
        var later = await service.StartAsync("pin-2", new StartOptions(PlanId: "data-team"), CancellationToken.None);

        Assert.Contains("How did you first get into data work?", started.Value!.Response.Text, StringComparison.Ordinal);
        Assert.Equal(("data-team", 1), (turn.Value!.State.PlanId, turn.Value.State.PlanVersion));
        Assert.Contains("What brought you to platform engineering?", later.Value!.Response.Text, StringComparison.Ordinal);
        Assert.Equal(2, later.Value.State.PlanVersion);
    }

    [Fact]
    public async Task A_built_in_plan_is_version_0_and_an_unknown_plan_is_refused()
    {
        var service = _h.Service();

        var builtIn = await service.StartAsync("pin-3", new StartOptions(), CancellationToken.None);
        var unknown = await service.StartAsync("pin-4", new StartOptions(PlanId: "no-such-plan"), CancellationToken.None);

        Assert.Equal(0, builtIn.Value!.State.PlanVersion);
        Assert.Equal(Interview.Core.Domain.SessionError.UnknownPlan, unknown.Error);
    }

    private static InterviewPlan Renamed(InterviewPlan plan, string firstQuestion) => plan with
    {
        Id = "data-team",
        Phases = [plan.Phases[0]
            with { Questions = [plan.Phases[0].Questions[0] with { Text = firstQuestion }, .. plan.Phases[0].Questions.Skip(1)] },
            .. plan.Phases.Skip(1)],
    };
}
