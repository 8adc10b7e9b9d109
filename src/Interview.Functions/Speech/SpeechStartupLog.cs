
namespace Interview.Functions.Speech;

/// <summary>Says at start-up which speech engines were found and which are in use, so a missing package is obvious.</summary>
internal sealed partial class SpeechStartupLog(SpeechSelection selection, IServiceProviderIsService registered,
    ILogger<SpeechStartupLog> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var (listens, speaks) = SpeechSelection.Capabilities(registered);
        Log.Selected(logger, selection.Provider, listens, speaks, selection.Offline.ToString());
        if (selection.Provider == "offline" && !(listens && speaks))
        {
            Log.Partial(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information,
            Message = "Speech provider {Provider}: speech-to-text {Listens}, text-to-speech {Speaks}. Offline engines: {Engines}")]
        public static partial void Selected(ILogger logger, string provider, bool listens, bool speaks, string engines);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Offline speech is incomplete: install flite, pocketsphinx, " +
            "pocketsphinx-en-us, sox and ffmpeg (scripts/run does this on Debian). Missing parts fall back to text.")]
        public static partial void Partial(ILogger logger);
    }
}
