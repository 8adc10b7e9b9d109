using System.Diagnostics;
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
        var (file, args) = Command(executable, []);
        var log = Path.Combine(Path.GetTempPath(), $"interview-app-{Guid.NewGuid():N}.log");
        var process = ChildProcess.Start(file, args, Variables(settings, url), Path.GetTempPath(), log);
        var app = new AppProcess(process, url, log);
        using var http = app.Client();
        await Poll.UntilAsync(() => !process.HasExited && Healthy(http), TimeSpan.FromSeconds(60),
            $"the app to answer /health:\n{process.Tail()}");
        return app;
    }

    /// <summary>
    /// Runs <paramref name="executable"/> with these settings and <paramref name="args"/> until it exits by itself, as a start-up
    /// that fails must: its exit code and what it wrote to stdout and to stderr.
    /// </summary>
    public static async Task<Exited> RunUntilExitAsync(string executable, IDictionary<string, string?> settings, params string[] args)
    {
        var url = settings.TryGetValue("ASPNETCORE_URLS", out var asked) && asked is not null ? new Uri(asked)
            : new Uri($"http://127.0.0.1:{Loopback.FreePort()}");
        var (file, arguments) = Command(executable, args);
        var start = new ProcessStartInfo(file) { WorkingDirectory = Path.GetTempPath(), RedirectStandardOutput = true,
            RedirectStandardError = true };
        arguments.ForEach(start.ArgumentList.Add);
        foreach (var (name, value) in Variables(settings, url))
        {
            start.Environment[name] = value;
            if (value is null)
            {
                start.Environment.Remove(name);
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The app was still running after 60 s:\n{await stdout}\n{await stderr}");
        }

        return new Exited(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Everything the app wrote so far, stdout and stderr as they came.</summary>
    public string Output()
    {
        using var reader = new StreamReader(new FileStream(_log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        return reader.ReadToEnd();
    }

    /// <summary>kill -9: no shutdown, no flush, as a crash or a lost instance.</summary>
    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        File.Delete(_log);
        return ValueTask.CompletedTask;
    }

    /// <summary>A dll runs under dotnet; the published executable runs itself.</summary>
    private static (string File, List<string> Args) Command(string executable, string[] args) =>
        executable.EndsWith(".dll", StringComparison.Ordinal) ? ("dotnet", [executable, .. args]) : (executable, [.. args]);

    /// <summary>
    /// Settings as environment variables, standalone (no Functions host endpoint) on <paramref name="url"/>, text only unless asked.
    /// </summary>
    private static Dictionary<string, string?> Variables<T>(IDictionary<string, T> settings, Uri url)
    {
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => (string?)(object?)s.Value);
        environment["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');
        environment.TryAdd("Speech__Provider", "none");
        environment["Functions__Worker__HostEndpoint"] = null;
        return environment;
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

