using System.Globalization;
using Interview.LoadTest.Local;
using Interview.LoadTest.Results;

namespace Interview.LoadTest.Run;

/// <summary>
/// Once ~30% of the planned turns are done, restarts Azurite or the app while the clients keep going. If the restart
/// itself fails the whole run is cancelled rather than left to spin until its deadline.
/// </summary>
public static class FaultInjector
{
    public const double At = 0.3;

    public static async Task<(bool Injected, string Description)> RunAsync(
        FaultMode mode, LocalEnvironment? environment, RunCounters counters, int plannedTurns, CancellationTokenSource run)
    {
        if (mode == FaultMode.None)
        {
            return (true, "none");
        }

        if (mode == FaultMode.ModelErrors)
        {
            return (true, "fake model failing ~30% of calls (429 with Retry-After: 0, or 500)");
        }

        var threshold = (int)Math.Ceiling(plannedTurns * At);
        try
        {
            while (counters.Turns < threshold)
            {
                await Task.Delay(10, run.Token);
            }
        }
        catch (OperationCanceledException)
        {
            return (false, string.Create(CultureInfo.InvariantCulture,
                $"not injected: the run ended at {counters.Turns} turns, before {threshold}"));
        }

        var at = counters.Turns;
        try
        {
            if (mode == FaultMode.AzuriteRestart)
            {
                var how = await environment!.RestartAzuriteAsync(TimeSpan.FromSeconds(2));
                return (true, string.Create(CultureInfo.InvariantCulture,
                    $"Azurite {how} at turn {at} of {plannedTurns}, started again on the same ports and folder 2 s later"));
            }

            var down = await environment!.RestartAppAsync();
            var healthyAfter = down.TotalMilliseconds;
            return (true, string.Create(CultureInfo.InvariantCulture,
                $"app killed (SIGKILL) at turn {at} of {plannedTurns}, back on the same port, healthy {healthyAfter:F0} ms later"));
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            await run.CancelAsync();
            return (false, $"restart failed, run cancelled: {ex.Message}");
        }
    }
}
