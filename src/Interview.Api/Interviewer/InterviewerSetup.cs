using Azure.Core;
using Azure.Identity;
using Interview.Core.Agent;
using Interview.Core.Plans;
using Interview.Core.Rules;
using Interview.Core.Sessions;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Interview.Api.Interviewer;

public static class InterviewerSetup
{
    /// <summary>The agent, its brain and plans, and the session service that drives them.</summary>
    public static WebApplicationBuilder AddInterviewer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<InterviewOptions>().BindConfiguration(InterviewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AzureOpenAIOptions>().BindConfiguration(AzureOpenAIOptions.Section);
        services.AddOptions<OpenAICompatibleOptions>().BindConfiguration(OpenAICompatibleOptions.Section);
        services.AddOptions<InterviewerOptions>().BindConfiguration(InterviewerOptions.Section).ValidateDataAnnotations()
            .Validate<IOptions<AzureOpenAIOptions>, IOptions<OpenAICompatibleOptions>>(
                (o, azure, compatible) => ModelSetup.HasSettingsFor(o, azure.Value, compatible.Value),
                "The selected Interviewer:Brain needs its settings: AzureOpenAI:Endpoint and AzureOpenAI:Deployment, or OpenAICompatible:BaseUrl and OpenAICompatible:Model.")
            .ValidateOnStart();

        // The server must let the largest allowed upload through; the form reader enforces the exact limit.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<InterviewOptions>>(
            (kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.Value.MaxUploadBytes + (1024 * 1024));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => PlanCatalog.LoadEmbedded());

        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.AddSingleton<RulesBrain>();
        services.AddSingleton<BrainMetrics>();
        services.AddSingleton(ModelSetup.CreateChatClient);
        services.AddSingleton<ChatModel>();
        services.AddSingleton<ModelBrain>();
        services.AddSingleton<IInterviewerBrain>(sp => sp.GetRequiredService<IOptions<InterviewerOptions>>().Value.Brain == InterviewerOptions.Rules
            ? sp.GetRequiredService<RulesBrain>()
            : sp.GetRequiredService<ModelBrain>());

        services.AddSingleton<InterviewerAgent>();
        services.AddSingleton<SessionService>();
        return builder;
    }
}
