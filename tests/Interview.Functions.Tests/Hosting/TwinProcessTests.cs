using System.Net;
using Interview.Functions.Hosting;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Hosting;

/// <summary>
/// The laptop twin started as scripts/run starts it, and the published worker started without a Functions host: the
/// worker only ever runs under a host, so by hand it says what to run instead.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TwinProcessTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Twin_serves_the_interview_routes_and_the_pages()
    {
        await using var app = await AppProcess.StartAsync(AppBuilds.Twin, new Dictionary<string, string>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:SessionsTable"] = "twinprocess",
            ["Evaluation:TaskHub"] = "twinprocess",
        });
        using var http = app.Client();

        var started = await (await http.StartAsync("twin-process")).JsonAsync();
        Assert.Equal("twin-process", (string)started["session_state"]!["interview_id"]!);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode); // the candidate page, from beside the executable
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/recruiter/")).StatusCode);
    }

    [Fact]
    public async Task Published_worker_started_without_a_functions_host_exits_1_pointing_at_scripts_run()
    {
        var exited = await AppProcess.RunUntilExitAsync(Path.Combine(AppBuilds.Package, "Interview.Functions"),
            new Dictionary<string, string?>());

        Assert.Equal(StartupFailure.Unexpected, exited.ExitCode);
        Assert.StartsWith("Start-up failed: Interview.Functions is the Azure Functions worker", exited.Stderr, StringComparison.Ordinal);
        Assert.Contains("scripts/run", exited.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", exited.Stderr, StringComparison.Ordinal);
    }
}
