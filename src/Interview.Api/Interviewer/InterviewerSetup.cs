using Interview.Core.Agent;
using Interview.Core.Plans;
using Interview.Core.Rules;
using Interview.Core.Sessions;

namespace Interview.Api.Interviewer;

public static class InterviewerSetup
{
    /// <summary>The agent, its brain and plans, and the session service that drives them.</summary>
    public static WebApplicationBuilder AddInterviewer(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<InterviewOptions>().BindConfiguration(InterviewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => PlanCatalog.LoadEmbedded());
        builder.Services.AddSingleton<IInterviewerBrain, RulesBrain>();
        builder.Services.AddSingleton<InterviewerAgent>();
        builder.Services.AddSingleton<SessionService>();
        return builder;
    }
}
