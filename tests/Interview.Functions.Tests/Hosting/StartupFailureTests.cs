using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Interview.Functions.Hosting;
using Interview.Functions.Tests.Infrastructure;
using Interview.LoadTest.Local;

namespace Interview.Functions.Tests.Hosting;

/// <summary>
/// The built app started as a real process the way a newcomer meets each failure: it exits by itself with a documented
/// code, stderr says what failed and how to fix it in a few lines, and no stack trace or core dump follows.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class StartupFailureTests(AzuriteFixture azurite)
{
    private static readonly string App = AppBuilds.Twin;

    [Fact]
    public async Task Port_in_use_exits_3_with_one_line_naming_the_port_and_the_fix()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;

        var exited = await RunAsync(new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });

        AssertFailedCleanly(exited, StartupFailure.AddressInUse, maxLines: 1);
        Assert.StartsWith($"Start-up failed: port {port} is in use", exited.Stderr, StringComparison.Ordinal);
        Assert.Contains("stop the other process or set ASPNETCORE_URLS", exited.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_mode_without_keys_exits_2_naming_the_missing_keys()
    {
        var exited = await RunAsync(new() { ["Security:Mode"] = "token" });

        AssertFailedCleanly(exited, StartupFailure.InvalidSettings, maxLines: 4);
        Assert.Contains("Security:Mode token needs Security:SigningKey (base64, at least 32 bytes).", exited.Stderr,
            StringComparison.Ordinal);
        Assert.Contains("Security:Mode token needs Entra:ClientId (recruiters sign in) or, for development, Security:AdminKey (at least " +
            "16 characters).", exited.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_the_functions_host_the_worker_prints_the_same_message_the_host_logs()
    {
        var standalone = await RunAsync(new() { ["Security:Mode"] = "token" });

        // The host passes its gRPC endpoint; validation stops the worker before it would connect.
        var worker = await RunAppAsync(AppBuilds.Worker, new() { ["Security:Mode"] = "token" }, "--functions-uri",
            $"http://127.0.0.1:{Loopback.FreePort()}/");

        AssertFailedCleanly(worker, StartupFailure.InvalidSettings, maxLines: 4);
        Assert.Equal(standalone.Stderr, worker.Stderr);
    }

    [Fact]
    public async Task Open_mode_on_every_interface_exits_2_saying_who_could_read_the_interviews()
    {
        var url = $"http://0.0.0.0:{Loopback.FreePort()}";

        var exited = await RunAsync(new() { ["ASPNETCORE_URLS"] = url });

        AssertFailedCleanly(exited, StartupFailure.InvalidSettings, maxLines: 3);
        Assert.Contains($"Security:Mode open would serve every interview to anyone who reaches {url}.", exited.Stderr,
            StringComparison.Ordinal);
        Assert.Contains("Security:OpenOnNetwork=true", exited.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_mode_under_the_functions_host_exits_2_as_the_host_faces_the_network()
    {
        var worker = await RunAppAsync(AppBuilds.Worker, new(), "--functions-uri", $"http://127.0.0.1:{Loopback.FreePort()}/");

        AssertFailedCleanly(worker, StartupFailure.InvalidSettings, maxLines: 3);
        Assert.Contains("Security:Mode open would serve every interview to anyone who reaches the Functions host's address.", worker.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_settings_of_several_sections_are_all_listed_at_once()
    {
        var exited = await RunAsync(new()
        {
            ["Speech:Provider"] = "loud",
            ["Interviewer:Brain"] = "psychic",
            ["Storage:AudioUrlLifetime"] = "00:00:01",
            ["Cors:AllowedOrigins"] = "not-an-origin",
        });

        AssertFailedCleanly(exited, StartupFailure.InvalidSettings, maxLines: 6);
        Assert.Contains("Speech:Provider must be offline, azure or none.", exited.Stderr, StringComparison.Ordinal);
        Assert.Contains("Interviewer:Brain must be rules, azure-openai or openai-compatible.", exited.Stderr, StringComparison.Ordinal);
        Assert.Contains("Storage:AudioUrlLifetime: The field AudioUrlLifetime must be between", exited.Stderr, StringComparison.Ordinal);
        Assert.Contains("Cors:AllowedOrigins must be comma-separated origins", exited.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_storage_exits_4_naming_the_endpoint_and_azurite_within_seconds_when_refused()
    {
        var (blob, table) = (Loopback.FreePort(), Loopback.FreePort());
        var key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
        var clock = Stopwatch.StartNew();

        var exited = await RunAsync(new()
        {
            ["Storage:ConnectionString"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};" +
                $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;",
        });

        AssertFailedCleanly(exited, StartupFailure.StorageUnreachable, maxLines: 1);
        Assert.Contains($"storage is unreachable at http://127.0.0.1:{table}/devstoreaccount1 (connection refused", exited.Stderr,
            StringComparison.Ordinal);
        Assert.Contains("is Azurite running? scripts/run starts one", exited.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(key, exited.Output, StringComparison.Ordinal);
        // A refused port gets 5 s of the 30 s Storage:StartupTimeout (plus the SDK's own retries and the process start).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Offline_speech_asked_for_without_its_engines_exits_2_naming_the_debian_packages()
    {
        var empty = Directory.CreateTempSubdirectory("no-engines-").FullName;
        try
        {
            var exited = await RunAsync(new() { ["Speech:Provider"] = "offline", ["PATH"] = empty });

            AssertFailedCleanly(exited, StartupFailure.InvalidSettings, maxLines: 3);
            Assert.Contains("Speech:Provider offline needs the Debian packages flite, pocketsphinx, sox (not found)", exited.Stderr,
                StringComparison.Ordinal);
            Assert.Contains("apt-get install flite pocketsphinx pocketsphinx-en-us sox ffmpeg", exited.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace_to_the_same_message()
    {
        var exited = await RunAsync(new() { ["Security:Mode"] = "token" }, "--verbose");

        Assert.Equal(StartupFailure.InvalidSettings, exited.ExitCode);
        Assert.StartsWith("Start-up failed: invalid settings.", exited.Stderr, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Extensions.Options.OptionsValidationException", exited.Stderr, StringComparison.Ordinal);
        Assert.Matches(StackFrame(), exited.Stderr);
    }

    private Task<Exited> RunAsync(Dictionary<string, string?> settings, params string[] args) => RunAppAsync(App, settings, args);

    private Task<Exited> RunAppAsync(string app, Dictionary<string, string?> settings, params string[] args)
    {
        settings.TryAdd("Storage:ConnectionString", azurite.ConnectionString);
        settings.TryAdd("Storage:SessionsTable", "startupfailures");
        settings.TryAdd("Evaluation:TaskHub", "startupfailures");
        return AppProcess.RunUntilExitAsync(app, settings, args);
    }

    private static void AssertFailedCleanly(Exited exited, int exitCode, int maxLines)
    {
        Assert.True(exited.ExitCode == exitCode, $"exit code {exited.ExitCode}, not {exitCode}:\n{exited.Output}");
        Assert.StartsWith("Start-up failed: ", exited.Stderr, StringComparison.Ordinal);
        var lines = exited.Stderr.TrimEnd().Split('\n');
        Assert.True(lines.Length <= maxLines, $"{lines.Length} lines on stderr:\n{exited.Stderr}");
        Assert.DoesNotContain("Unhandled exception", exited.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), exited.Output);
    }

    // "   at Namespace.Type.Method(...)" as .NET prints a frame.
    [GeneratedRegex(@"(?m)^\s+at \S+\(")]
    private static partial Regex StackFrame();
}
