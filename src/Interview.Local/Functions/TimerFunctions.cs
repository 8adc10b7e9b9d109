using Microsoft.Azure.Functions.Worker;
using NCrontab;
using Interview.Functions.Startup;

namespace Interview.Local.Functions;

/// <summary>
/// Runs every timer function of functions.metadata on its own schedule (UTC, six-field cron as the host reads it), calling
/// the very method the host would. A run that fails is logged and the next occurrence comes as usual. Unlike the host,
/// an occurrence missed while the laptop was off is not caught up at start.
/// </summary>
internal sealed partial class TimerFunctions(FunctionAppManifest manifest, IServiceProvider services, StartupWork work, TimeProvider clock,
    ILogger<TimerFunctions> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await work.Released.WaitAsync(stoppingToken); // off the start path: nothing is due at once
        await Task.WhenAll(manifest.Functions
            .Where(f => f.Trigger?.Type.Equals("timerTrigger", StringComparison.OrdinalIgnoreCase) == true)
            .Select(f => RunAsync(f, CrontabSchedule.Parse(f.Trigger!.Schedule ?? "", new() { IncludingSeconds = true }), stoppingToken)));
    }

    private async Task RunAsync(FunctionEntry function, CrontabSchedule schedule, CancellationToken stoppingToken)
    {
        var invoker = FunctionInvoker.For(function);
        try
        {
            while (true)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                await Task.Delay(schedule.GetNextOccurrence(now) - now, clock, stoppingToken);
                await RunOnceAsync(function.Name, invoker, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunOnceAsync(string name, FunctionInvoker invoker, CancellationToken ct)
    {
        try
        {
            using var scope = services.CreateScope();
            await (Task)invoker.Invoke(scope.ServiceProvider, new TimerInfo(), ct)!;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            Log.Failed(logger, ex, name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Timer function {Function} failed; it runs again at its next occurrence")]
        public static partial void Failed(ILogger logger, Exception exception, string function);
    }
}
