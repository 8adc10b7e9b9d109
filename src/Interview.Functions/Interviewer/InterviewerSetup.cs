using Azure.Core;
using Azure.Identity;
using Interview.Core.Agent;
using Interview.Core.Llm;
using Interview.Core.Plans;
using Interview.Core.Rules;
using Interview.Core.Sessions;
using Interview.Core.Speech;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Interview.Functions.Http;
using Interview.Functions.Startup;

namespace Interview.Functions.Interviewer;

public static class InterviewerSetup
{
    /// <summary>The agent, its brain, and the session service that drives them (the plans they read: <c>AddPlans</c>).</summary>
    public static IHostApplicationBuilder AddInterviewer(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AzureOpenAIOptions>().BindConfiguration(AzureOpenAIOptions.Section);
        services.AddOptions<OpenAICompatibleOptions>().BindConfiguration(OpenAICompatibleOptions.Section);
        services.AddOptions<InterviewerOptions>().BindConfiguration(InterviewerOptions.Section).ValidateAnnotations<InterviewerOptions,
            InterviewerOptionsValidator>()
            .Validate<IOptions<AzureOpenAIOptions>, IOptions<OpenAICompatibleOptions>>(
                (o, azure, compatible) => ModelSetup.HasSettingsFor(o, azure.Value, compatible.Value),
                "The selected Interviewer:Brain needs its settings: AzureOpenAI:Endpoint and AzureOpenAI:Deployment, or " +
                    "OpenAICompatible:BaseUrl and OpenAICompatible:Model.")
            .ValidateOnStart();

        services.AddSingleton(TimeProvider.System);

        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.AddSingleton<RulesBrain>();
        services.AddSingleton<BrainMetrics>();
        services.AddSingleton(ModelSetup.CreateChatClient);
        services.AddSingleton<IChatModel, ChatModel>();
        services.AddSingleton<ModelBrain>();
        services.AddSingleton<IInterviewerBrain>(sp => sp.GetRequiredService<IOptions<InterviewerOptions>>().Value.Brain
            == InterviewerOptions.Rules
            ? sp.GetRequiredService<RulesBrain>()
            : sp.GetRequiredService<ModelBrain>());

        services.AddSingleton(sp
            => new AudioGate(sp.GetRequiredService<IOptions<InterviewOptions>>().Value.MaxAudioSeconds, sp.GetService<ISpeechToText>()));
        // Spoken lines, content-addressed, when a text-to-speech is configured (or put in by a test); none otherwise.
        services.AddSingleton(sp => sp.GetService<ITextToSpeech>() is { } tts
            ? new LineVoice(tts, sp.GetRequiredService<IAudioStore>()) : null!);
        services.AddSingleton<InterviewerAgent>();
        services.AddSingleton<SessionService>();
        return builder;
    }
}
