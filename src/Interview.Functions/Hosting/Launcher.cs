using Microsoft.Extensions.Options;
using Interview.Functions.Startup;

namespace Interview.Functions.Hosting;

/// <summary>
/// Starts either host and, when start-up fails, prints <see cref="StartupFailure"/>'s message on stderr and exits with its
/// code. Nothing is rethrown: an unhandled exception ends a .NET process with SIGABRT ("Aborted", exit 134, a core dump).
/// Under the Functions host the worker's stderr is what the host logs, so its log shows the same message.
/// </summary>
public static class Launcher
{
    public const string VerboseFlag = "--verbose";

    public static async Task<int> RunAsync(string[] args, Func<string[], IHost> build)
    {
        // --verbose means Debug logging. Left in, the command-line provider would take the next argument as its value.
        var verbose = args.Contains(VerboseFlag);
        args = [.. args.Where(a => a != VerboseFlag), .. verbose ? [$"--{StartupLogging.LevelSetting}=Debug"] : Array.Empty<string>()];
        IHost? host = null;
        try
        {
            host = build(args);
            ValidateSettings(host);
            await host.StartAsync();
        }
        catch (Exception ex) when (ex is not HostAbortedException) // WebApplicationFactory stops the entry point with that one
        {
            verbose |= StartupLogging.IsVerbose(host?.Services.GetService<IConfiguration>()?[StartupLogging.LevelSetting]
                                                ?? Environment.GetEnvironmentVariable("Logging__LogLevel__Default"));
            await StopAsync(host);
            await DisposeAsync(host);
            var failure = StartupFailure.Explain(ex);
            await Console.Error.WriteAsync(failure.Format(ex, verbose));
            return failure.ExitCode;
        }

        var work = host.Services.GetService<StartupWork>();
        try
        {
            await host.WaitForShutdownAsync();
        }
        finally
        {
            await DisposeAsync(host);
        }

        // Start-up work left running in the background (storage set-up) that failed stopped the app: a failed start all the same.
        if (work?.Failure is { } failed)
        {
            var failure = StartupFailure.Explain(failed);
            await Console.Error.WriteAsync(failure.Format(failed, verbose));
            return failure.ExitCode;
        }

        return 0;
    }

    /// <summary>
    /// Every options class at once, before anything resolves one: the host constructs its hosted services before it validates,
    /// and the first of them to read an invalid options class would otherwise report that class alone.
    /// </summary>
    public static void ValidateSettings(IHost host) => host.Services.GetService<IStartupValidator>()?.Validate();

    /// <summary>Stopped first, so that background services cancelled on the way out are not logged as faults.</summary>
    private static async Task StopAsync(IHost? host)
    {
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await (host?.StopAsync(bounded.Token) ?? Task.CompletedTask);
        }
        catch (Exception ex) when (ex is OperationCanceledException or AggregateException or InvalidOperationException)
        {
            // Half-started services may not stop cleanly; the process is exiting anyway.
        }
    }

    /// <summary>Flushes the console logger before the message is printed; bounded, since the process is exiting anyway.</summary>
    private static async Task DisposeAsync(IHost? host)
    {
        if (host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        else
        {
            host?.Dispose();
        }
    }
}
