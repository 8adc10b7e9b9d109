using Azure.Core;
using Azure.Identity;
using Interview.Functions.Speech.Azure;
using Interview.Functions.Speech.Offline;
using Interview.Core.Speech;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Interview.Functions.Startup;

namespace Interview.Functions.Speech;

/// <summary>Speech in and out: offline Debian engines, Azure AI Speech over REST, or none (text only).</summary>
public static partial class SpeechSetup
{
    public static IHostApplicationBuilder AddSpeech(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Which engines exist is a fact about the machine, settled once here at the composition root.
        var offline = OfflineEngines.Detect(builder.Configuration.GetSection(OfflineSpeechOptions.Section).Get<OfflineSpeechOptions>()
            ?? new());
        // Asked for by name, offline speech must be there: empty Provider is the way to take whatever is installed.
        services.AddOptions<SpeechOptions>().BindConfiguration(SpeechOptions.Section).ValidateAnnotations<SpeechOptions,
            SpeechOptionsValidator>()
            .Validate(o => o.Provider != SpeechOptions.Offline || offline.Complete,
                $"Speech:Provider offline needs the Debian packages {string.Join(", ", offline.MissingPackages())} (not found): " +
                "sudo apt-get install flite pocketsphinx pocketsphinx-en-us sox ffmpeg (scripts/run does this), " +
                "or leave Speech:Provider empty to run with what is installed.")
            .ValidateOnStart();
        services.AddOptions<OfflineSpeechOptions>().BindConfiguration(OfflineSpeechOptions.Section)
            .ValidateAnnotations<OfflineSpeechOptions, OfflineSpeechOptionsValidator>().ValidateOnStart();
        services.AddOptions<AzureSpeechOptions>().BindConfiguration(AzureSpeechOptions.Section).ValidateAnnotations<AzureSpeechOptions,
            AzureSpeechOptionsValidator>()
            .Validate(o => !string.IsNullOrEmpty(o.Region) || (o.SttEndpoint is not null && o.TtsEndpoint is not null) || !IsAzure(builder),
                "Speech:Provider azure needs AzureSpeech:Region, or AzureSpeech:SttEndpoint and AzureSpeech:TtsEndpoint.")
            .ValidateOnStart();

        var provider = Provider(builder, offline);
        services.AddSingleton(offline);
        services.AddSingleton(new SpeechSelection(provider, offline));
        services.AddHostedService<SpeechStartupLog>();

        switch (provider)
        {
            case SpeechOptions.Offline:
                services.AddSingleton<ProcessRunner>();
                if (offline.CanListen)
                {
                    services.AddSingleton<ISpeechToText, PocketsphinxSpeechToText>();
                    services.AddSingleton<LiveListening>();
                }

                if (offline.CanSpeak)
                {
                    services.AddSingleton<ITextToSpeech, FliteTextToSpeech>();
                }

                break;
            case SpeechOptions.Azure:
                services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
                services.AddSingleton<SpeechAuth>();
                // Timeouts are per attempt inside SpeechHttp, so the client itself never times out first.
                services.AddHttpClient<SpeechHttp>(c => c.Timeout = Timeout.InfiniteTimeSpan);
                services.AddSingleton<ISpeechToText, AzureSpeechToText>();
                services.AddSingleton<ITextToSpeech, AzureTextToSpeech>();
                services.AddSingleton<Live.LiveSpeechTokens>();
                break;
        }

        return builder;
    }

    private static bool IsAzure(IHostApplicationBuilder builder) => builder.Configuration[$"{SpeechOptions.Section}:Provider"]
        == SpeechOptions.Azure;

    private static string Provider(IHostApplicationBuilder builder, OfflineEngines offline)
        => builder.Configuration[$"{SpeechOptions.Section}:Provider"] switch
    {
        null or "" => offline.CanListen || offline.CanSpeak ? SpeechOptions.Offline : SpeechOptions.None,
        var chosen => chosen,
    };
}

/// <summary>What speech this instance runs with, for /health and the start-up log.</summary>
public sealed record SpeechSelection(string Provider, OfflineEngines Offline)
{
    /// <summary>
    /// Whether recordings are transcribed and replies spoken: an engine is registered (the agent and the audio gate take it
    /// when there is one). Asked of the registrations, so /health and start-up need not build the agent to know.
    /// </summary>
    public static (bool Listens, bool Speaks) Capabilities(IServiceProviderIsService registered) =>
        (registered.IsService(typeof(ISpeechToText)), registered.IsService(typeof(ITextToSpeech)));
}
