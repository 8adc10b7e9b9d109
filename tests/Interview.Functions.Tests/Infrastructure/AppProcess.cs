using System.Net;
using Interview.LoadTest.Local;

namespace Interview.Functions.Tests.Infrastructure;

/// <summary>
/// The app as a real process, standalone as scripts/run starts it, on a free loopback port: for what only a process
/// can show (a kill -9 in the middle of work, the published executable). It is the load tool's child process, with
/// its output in a log file whose tail goes into failure messages.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _log;

    private AppProcess(ChildProcess process, Uri url, string log) => (_process, Url, _log) = (process, url, log);

    public Uri Url { get; }

    public HttpClient Client() => new() { BaseAddress = Url };

    /// <summary>Starts <paramref name="executable"/> (a dll runs under dotnet) with these settings and waits for /health.</summary>
    public static async Task<AppProcess> StartAsync(string executable, IDictionary<string, string> settings)
    {
        var url = new Uri($"http://127.0.0.1:{Loopback.FreePort()}");
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => (string?)s.Value);
        environment["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');
        environment.TryAdd("Speech__Provider", "none");
        environment["Functions__Worker__HostEndpoint"] = null;
        var log = Path.Combine(Path.GetTempPath(), $"interview-app-{Guid.NewGuid():N}.log");
        var process = executable.EndsWith(".dll", StringComparison.Ordinal)
            ? ChildProcess.Start("dotnet", [executable], environment, Path.GetTempPath(), log)
            : ChildProcess.Start(executable, [], environment, Path.GetTempPath(), log);
        var app = new AppProcess(process, url, log);
        using var http = app.Client();
        await Poll.UntilAsync(() => !process.HasExited && Healthy(http), TimeSpan.FromSeconds(60), $"the app to answer /health:\n{process.Tail()}");
        return app;
    }

    /// <summary>kill -9: no shutdown, no flush, as a crash or a lost instance.</summary>
    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        File.Delete(_log);
        return ValueTask.CompletedTask;
    }

    private static bool Healthy(HttpClient http)
    {
        try
        {
            return http.GetAsync("/health").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
