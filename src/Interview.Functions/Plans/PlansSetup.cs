using Interview.Core.Plans;

namespace Interview.Functions.Plans;

public static class PlansSetup
{
    /// <summary>The built-in plans and the recruiters' saved ones, read through one library by the agent and the plan functions.</summary>
    public static IHostApplicationBuilder AddPlans(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => PlanCatalog.LoadEmbedded());
        builder.Services.AddSingleton<IPlanStore, TablePlanStore>();
        builder.Services.AddSingleton<PlanLibrary>();
        return builder;
    }
}
