using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Interview.LoadTest.Local;

/// <summary>
/// Azurite (persisting to a temp folder, so a restart keeps the data) and the app, on free loopback ports, plus the
/// fake model for model-errors. Everything is stopped and the temp folder removed on dispose.
/// </summary>
public sealed class LocalEnvironment : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _root, _appDll, _temp, _logs, _prefix;
    private readonly (int Blob, int Queue, int Table, int App) _ports = (FreePort(), FreePort(), FreePort(), FreePort());
    private readonly Dictionary<string, string?> _appSettings;
    private ChildProcess? _azurite, _app;

    private LocalEnvironment(LoadOptions options, string root, FakeChatModel? model)
    {
        (_root, Model) = (root, model);
        _appDll = options.AppDll ?? Path.Combine(root, "src", "Interview.Api", "bin", "Release", "net10.0", "Interview.Api.dll");
        _temp = Directory.CreateTempSubdirectory("interview-load-").FullName;
        _logs = options.LogsDirectory ?? Path.Combine(_temp, "logs");
        _prefix = LoadOptions.FaultName(options.Fault);
        Directory.CreateDirectory(_logs);
        Directory.CreateDirectory(Path.Combine(_temp, "azurite"));
        Directory.CreateDirectory(Path.Combine(_temp, "app")); // the app's working directory: no local.settings.json there
        AppUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_ports.App}/"));
        _appSettings = AppSettings(model);
    }

    public Uri AppUrl { get; }

    public FakeChatModel? Model { get; }

    public string LogsDirectory => _logs;

    /// <summary>Keep the processes' output after dispose even without --logs (set when the run failed).</summary>
    public bool KeepLogs { get; set; }

    public static async Task<LocalEnvironment> StartAsync(LoadOptions options, string repoRoot)
    {
        var model = options.Fault == FaultMode.ModelErrors ? await FakeChatModel.StartAsync(failureRate: 0.3) : null;
        var environment = new LocalEnvironment(options, repoRoot, model);
        try
        {
            if (!File.Exists(environment._appDll))
            {
                throw new InvalidOperationException($"The app is not built at {environment._appDll}: run dotnet build InterviewFunctions.sln -c Release.");
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

    /// <summary>Stops Azurite (SIGTERM: it saves its data and exits), waits <paramref name="down"/>, starts it on the same ports and folder.</summary>
    public async Task<string> RestartAzuriteAsync(TimeSpan down)
    {
        await _azurite!.KillAsync(); var graceful = false;
        _azurite.Dispose();
        await Task.Delay(down);
        await StartAzuriteAsync();
        return graceful ? "stopped with SIGTERM" : "did not stop on SIGTERM within 10 s: killed";
    }

    /// <summary>Kills the app (SIGKILL, a crash) and starts it again on the same port. Returns the time until it was healthy again.</summary>
    public async Task<TimeSpan> RestartAppAsync()
    {
        var down = Stopwatch.StartNew();
        await _app!.KillAsync();
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
            script, "--location", Path.Combine(_temp, "azurite"), "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", Port(_ports.Blob), "--queueHost", "127.0.0.1", "--queuePort", Port(_ports.Queue),
            "--tableHost", "127.0.0.1", "--tablePort", Port(_ports.Table),
        ];
        _azurite = ChildProcess.Start("node", args, new Dictionary<string, string?>(), _temp, Path.Combine(_logs, $"{_prefix}-azurite.log"));
        await UntilAsync(() => Task.FromResult(Listening(_ports.Blob) && Listening(_ports.Queue) && Listening(_ports.Table)), _azurite, "Azurite to listen");
    }

    private async Task StartAppAsync()
    {
        _app = ChildProcess.Start("dotnet", [_appDll], _appSettings, Path.Combine(_temp, "app"), Path.Combine(_logs, $"{_prefix}-app.log"));
        using var probe = new HttpClient { BaseAddress = AppUrl, Timeout = TimeSpan.FromSeconds(2) };
        await UntilAsync(async () =>
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
        }, _app, "the app to answer /health");
    }

    private Dictionary<string, string?> AppSettings(FakeChatModel? model)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = AppUrl.ToString().TrimEnd('/'),
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = null, // it would override ASPNETCORE_URLS
            ["Storage__AccountName"] = null,
            ["Storage__ConnectionString"] = string.Create(CultureInfo.InvariantCulture,
                $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{_ports.Blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_ports.Queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{_ports.Table}/devstoreaccount1;"),
            ["Speech__Provider"] = "none",
            ["Evaluation__Listener"] = "off",
            ["Logging__LogLevel__Default"] = "Warning",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = null,
            // Open mode (no tokens) and no rate limit, when the app has those settings; harmless otherwise.
            ["Security__Mode"] = "open",
            ["Security__RateLimit__Enabled"] = "false",
            ["Interviewer__Brain"] = model is null ? "rules" : "azure-openai",
        };
        if (model is not null)
        {
            settings["AzureOpenAI__Endpoint"] = model.BaseUrl.ToString();
            settings["AzureOpenAI__Deployment"] = "x";
            settings["AzureOpenAI__ApiKey"] = "x";
            settings["Interviewer__RetryBudget"] = "00:00:02";
            settings["Interviewer__CallTimeout"] = "00:00:01";
        }

        return settings;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, ChildProcess process, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"Gave up waiting for {what} ({(process.HasExited ? "it exited" : "timeout")}). Last output:\n{process.Tail()}");
            }

            await Task.Delay(50);
        }
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

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
