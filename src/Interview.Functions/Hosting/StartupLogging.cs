namespace Interview.Functions.Hosting;

/// <summary>
/// The generic host logs a failed start as an error with the whole stack trace, then throws; <see cref="Launcher"/> words that
/// failure instead. So the host's errors are held back until the app has started: later ones (a background service failing)
/// still log, and its critical "stopping the host" entry always does.
/// </summary>
public static class StartupLogging
{
    public const string LevelSetting = "Logging:LogLevel:Default";
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>Debug or Trace logging (what --verbose sets): stack traces are wanted then.</summary>
    public static bool IsVerbose(string? level) =>
        level is not null && (level.Equals("Debug", StringComparison.OrdinalIgnoreCase)
            || level.Equals("Trace", StringComparison.OrdinalIgnoreCase));

    public static IHostApplicationBuilder AddStartupFailureLogging(this IHostApplicationBuilder builder)
    {
        var started = new StartedGate();
        var verbose = IsVerbose(builder.Configuration[LevelSetting]);
        builder.Services.AddHostedService(_ => started);
        builder.Logging.AddFilter(HostCategory, level => level switch
        {
            >= LogLevel.Critical => true,
            >= LogLevel.Error => started.IsOpen,
            >= LogLevel.Warning => true,
            _ => verbose,
        });
        return builder;
    }

    private sealed class StartedGate : IHostedLifecycleService
    {
        private volatile bool _open;

        public bool IsOpen => _open;

        public Task StartedAsync(CancellationToken cancellationToken)
        {
            _open = true;
            return Task.CompletedTask;
        }

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
