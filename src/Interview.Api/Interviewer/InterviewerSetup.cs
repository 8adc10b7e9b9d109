using Interview.Core.Agent;
using Interview.Core.Plans;
using Interview.Core.Rules;
using Interview.Core.Sessions;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Interview.Api.Interviewer;

public static class InterviewerSetup
{
    /// <summary>The agent, its brain and plans, and the session service that drives them.</summary>
    public static WebApplicationBuilder AddInterviewer(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<InterviewOptions>().BindConfiguration(InterviewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The server must let the largest allowed upload through; the form reader enforces the exact limit.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<InterviewOptions>>(
            (kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.Value.MaxUploadBytes + (1024 * 1024));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => PlanCatalog.LoadEmbedded());
        builder.Services.AddSingleton<IInterviewerBrain, RulesBrain>();
        builder.Services.AddSingleton<InterviewerAgent>();
        builder.Services.AddSingleton<SessionService>();
        return builder;
    }
}
