using Interview.LoadTest.Local;

namespace Interview.Bench;

/// <summary>What every benchmark here runs on: an in-memory Azurite and the laptop twin's Release build, each a child process.</summary>
internal static class LocalStack
{
    /// <summary>Azurite on free loopback ports, and its connection string.</summary>
    public static (ChildProcess Process, string ConnectionString) StartAzurite(string root, string scratch)
    {
        var ports = (Blob: Loopback.FreePort(), Queue: Loopback.FreePort(), Table: Loopback.FreePort());
        var azurite = ChildProcess.Start("node",
            [Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js"), "--inMemoryPersistence", "--silent",
             "--skipApiVersionCheck", "--loose", "--blobHost", "127.0.0.1", "--blobPort", $"{ports.Blob}",
             "--queueHost", "127.0.0.1", "--queuePort", $"{ports.Queue}", "--tableHost", "127.0.0.1", "--tablePort", $"{ports.Table}"],
            new Dictionary<string, string?>(), scratch, Path.Combine(scratch, "azurite.log"));
        return (azurite, Loopback.AzuriteConnection(ports.Blob, ports.Queue, ports.Table));
    }

    /// <summary>The twin with <paramref name="settings"/> on a free port, once it answers /health.</summary>
    public static async Task<RunningApp> StartAppAsync(string root, string scratch, Dictionary<string, string?> settings, string name)
    {
        var url = new Uri($"http://127.0.0.1:{Loopback.FreePort()}");
        settings["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');
        var dll = Path.Combine(root, "src", "Interview.Local", "bin", "Release", "net10.0", "Interview.Local.dll");
        var app = ChildProcess.Start("dotnet", [dll], settings, scratch, Path.Combine(scratch, $"app-{name}.log"));
        var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
        await app.UntilAsync(() => HealthyAsync(http), "the app to answer /health", TimeSpan.FromSeconds(60));
        return new RunningApp(app, http);
    }

    public static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

    /// <summary>The nearest-rank percentile of the values that are numbers (NaN when there are none).</summary>
    public static double Percentile(IEnumerable<double> values, double share)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static async Task<bool> HealthyAsync(HttpClient http)
    {
        try
        {
            return (await http.GetAsync("/health")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}

/// <summary>The twin's process and a client of it, stopped together.</summary>
internal sealed record RunningApp(ChildProcess Process, HttpClient Http) : IDisposable
{
    public void Dispose()
    {
        Http.Dispose();
        Process.Dispose();
    }
}
