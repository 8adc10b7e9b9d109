using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Interview.LoadTest.Local;

/// <summary>
/// Azurite (persisting to a temp folder, so a restart keeps the data; or in memory) and the app, on free loopback ports, plus the
/// fake model for model-errors. Everything is stopped and the temp folder removed on dispose.
/// </summary>
public sealed class LocalEnvironment : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _root, _appDll, _temp, _logs, _prefix;
    private readonly bool _inMemory;
    private readonly (int Blob, int Queue, int Table, int App) _ports =
        (Loopback.FreePort(), Loopback.FreePort(), Loopback.FreePort(), Loopback.FreePort());
    private readonly Dictionary<string, string?> _appSettings;
    private ChildProcess? _azurite, _app;
    private TimeSpan _stoppedAppCpu, _stoppedAzuriteCpu;

    private LocalEnvironment(LoadOptions options, string root, FakeChatModel? model, string? logPrefix)
    {
        (_root, Model) = (root, model);
        _appDll = options.AppDll ?? Path.Combine(root, "src", "Interview.Local", "bin", "Release", "net10.0", "Interview.Local.dll");
        _temp = Directory.CreateTempSubdirectory("interview-load-").FullName;
        _logs = options.LogsDirectory ?? Path.Combine(_temp, "logs");
        _prefix = logPrefix ?? LoadOptions.FaultName(options.Fault)
            + (options.Think > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $"-think{options.Think.TotalMilliseconds:F0}") : "");
        _inMemory = options.AzuriteInMemory;
        Directory.CreateDirectory(_logs);
        Directory.CreateDirectory(Path.Combine(_temp, "azurite"));
        Directory.CreateDirectory(Path.Combine(_temp, "app")); // the app's working directory: no local.settings.json there
        AppUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_ports.App}/"));
        _appSettings = AppSettings.For(AppUrl, (_ports.Blob, _ports.Queue, _ports.Table), model);
        _appSettings["Speech__Provider"] = options.Speech;
    }

    public Uri AppUrl { get; }

    public FakeChatModel? Model { get; }

    public string LogsDirectory => _logs;

    /// <summary>Keep the processes' output after dispose even without --logs (set when the run failed).</summary>
    public bool KeepLogs { get; set; }

    public static async Task<LocalEnvironment> StartAsync(LoadOptions options, string repoRoot) =>
        await StartAsync(options, repoRoot, options.Fault == FaultMode.ModelErrors ? await FakeChatModel.StartAsync(failureRate: 0.3)
            : null, new Dictionary<string, string?>(), null);

    /// <summary>
    /// With the caller's fake model (disposed with the environment) and app settings over the usual ones, e.g. another brain or evaluator;
    /// the processes' logs are named after <paramref name="logPrefix"/>.
    /// </summary>
    public static async Task<LocalEnvironment> StartAsync(
        LoadOptions options, string repoRoot, FakeChatModel? model, IReadOnlyDictionary<string, string?> settings, string? logPrefix)
    {
        var environment = new LocalEnvironment(options, repoRoot, model, logPrefix);
        foreach (var (name, value) in settings)
        {
            environment._appSettings[name] = value;
        }

        try
        {
            if (!File.Exists(environment._appDll))
            {
                throw new InvalidOperationException($"The app is not built at {environment._appDll}: run dotnet build " +
                    "InterviewFunctions.sln -c Release.");
            }

            await environment.StartAzuriteAsync();
            await environment.StartAppAsync();
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops Azurite (SIGTERM: it saves its data and exits), waits <paramref name="down"/>, starts it on the same ports and folder.
    /// </summary>
    public async Task<string> RestartAzuriteAsync(TimeSpan down)
    {
        _stoppedAzuriteCpu += _azurite!.CpuTime;
        var graceful = await _azurite.TerminateAsync(TimeSpan.FromSeconds(10));
        _azurite.Dispose();
        await Task.Delay(down);
        await StartAzuriteAsync();
        return graceful ? "stopped with SIGTERM" : "did not stop on SIGTERM within 10 s: killed";
    }

    /// <summary>
    /// Kills the app (SIGKILL, a crash) and starts it again on the same port. Returns the time until it was healthy again.
    /// </summary>
    public async Task<TimeSpan> RestartAppAsync()
    {
        _stoppedAppCpu += _app!.CpuTime;
        var down = Stopwatch.StartNew();
        await _app.KillAsync();
        _app.Dispose();
        await StartAppAsync();
        return down.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        _app?.Dispose();
        _azurite?.Dispose();
        if (Model is not null)
        {
            await Model.DisposeAsync();
        }

        TryDelete(Path.Combine(_temp, "azurite"));
        TryDelete(Path.Combine(_temp, "app"));
        if (!KeepLogs || !_logs.StartsWith(_temp, StringComparison.Ordinal))
        {
            TryDelete(_temp);
        }
    }

    /// <summary>CPU time the app and Azurite used so far, restarted instances included.</summary>
    public (TimeSpan App, TimeSpan Azurite) CpuTime() =>
        (_stoppedAppCpu + (_app?.CpuTime ?? TimeSpan.Zero), _stoppedAzuriteCpu + (_azurite?.CpuTime ?? TimeSpan.Zero));

    /// <summary>The last lines both processes wrote, for a failure message.</summary>
    public string Tails() => $"app:\n{_app?.Tail()}\nazurite:\n{_azurite?.Tail()}";

    private async Task StartAzuriteAsync()
    {
        var script = Path.Combine(_root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}: run npm ci (scripts/test does).");
        }

        string[] args =
        [
            script, .. _inMemory ? ["--inMemoryPersistence"] : new[] { "--location", Path.Combine(_temp, "azurite") }, "--silent",
                "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", Port(_ports.Blob), "--queueHost", "127.0.0.1", "--queuePort", Port(_ports.Queue),
            "--tableHost", "127.0.0.1", "--tablePort", Port(_ports.Table),
        ];
        _azurite = ChildProcess.Start("node", args, new Dictionary<string, string?>(), _temp,
            Path.Combine(_logs, $"{_prefix}-azurite.log"));
        await _azurite.UntilAsync(() =>
            Task.FromResult(Loopback.Listening(_ports.Blob) && Loopback.Listening(_ports.Queue) && Loopback.Listening(_ports.Table)),
            "Azurite to listen", StartTimeout);
    }

    private async Task StartAppAsync()
    {
        _app = ChildProcess.Start("dotnet", [_appDll], _appSettings, Path.Combine(_temp, "app"), Path.Combine(_logs, $"{_prefix}-app.log"));
        using var probe = new HttpClient { BaseAddress = AppUrl, Timeout = TimeSpan.FromSeconds(2) };
        await _app.UntilAsync(async () =>
        {
            try
            {
                using var health = await probe.GetAsync(new Uri("health", UriKind.Relative));
                return health.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, "the app to answer /health", StartTimeout);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a process that is exiting; the OS temp cleaner takes it.
        }
    }
}
