using System.Diagnostics;
using System.Globalization;
using Interview.LoadTest.Local;

namespace Interview.LoadTest.Run;

/// <summary>
/// CPU time used while the clients ran: by the app, Azurite, this tool, and everything else on the machine (from
/// /proc/stat), so that a run disturbed by other work says so.
/// </summary>
public sealed record CpuAccount(TimeSpan App, TimeSpan Azurite, TimeSpan Tool, TimeSpan MachineBusy)
{
    public static CpuAccount Take(LocalEnvironment? environment)
    {
        var (app, azurite) = environment?.CpuTime() ?? default;
        using var self = Process.GetCurrentProcess();
        return new CpuAccount(app, azurite, self.TotalProcessorTime, MachineBusyTime());
    }

    public static string Describe(CpuAccount before, CpuAccount after, TimeSpan duration)
    {
        var inv = CultureInfo.InvariantCulture;
        double S(Func<CpuAccount, TimeSpan> f) => (f(after) - f(before)).TotalSeconds;
        var ours = S(c => c.App) + S(c => c.Azurite) + S(c => c.Tool);
        var others = after.MachineBusy == TimeSpan.Zero ? "unknown" : Math.Max(0, S(c => c.MachineBusy) - ours).ToString("F1", inv) + " s";
        return string.Create(inv,
            $"CPU used while the clients ran ({duration.TotalSeconds:F1} s x {Environment.ProcessorCount} cores = " +
                $"{duration.TotalSeconds * Environment.ProcessorCount:F0} s): " +
            $"app {S(c => c.App):F1} s, Azurite {S(c => c.Azurite):F1} s, this tool {S(c => c.Tool):F1} s, other processes {others}");
    }

    /// <summary>Busy time of all cores (user, nice, system, irq, softirq, steal) in USER_HZ ticks of 10 ms; zero off Linux.</summary>
    private static TimeSpan MachineBusyTime()
    {
        if (!File.Exists("/proc/stat"))
        {
            return TimeSpan.Zero;
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => fields.Length > i ? long.Parse(fields[i], CultureInfo.InvariantCulture) : 0;
        var ticks = Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
