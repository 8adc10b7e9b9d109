using System.Diagnostics;
using System.Net;
using Interview.Api.Tests.Infrastructure;

namespace Interview.Api.Tests.Hosting;

/// <summary>The built app as the Functions host starts it: a process told its port by FUNCTIONS_CUSTOMHANDLER_PORT.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CustomHandlerProcessTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("build")]
    [InlineData("package")]
    public async Task App_listens_on_the_custom_handler_port_and_serves_the_interview_routes(string build)
    {
        var port = Interview.LoadTest.Local.Loopback.FreePort();
        var start = build == "build"
            ? new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Interview.Api.dll") } }
            : new ProcessStartInfo(Path.Combine(AzuriteFixture.RepoRoot(), "artifacts", "functionapp", "Interview.Api"));
        start.WorkingDirectory = Path.GetTempPath();
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString();
        start.Environment["Storage__ConnectionString"] = azurite.ConnectionString;
        start.Environment["Storage__SessionsTable"] = $"handler{build}";
        start.Environment["Speech__Provider"] = "none";
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await Poll.UntilAsync(() => !process.HasExited && Healthy(http), TimeSpan.FromSeconds(60), "the handler to answer /health");

            var started = await (await http.StartAsync($"handler-{build}")).JsonAsync();
            Assert.Equal($"handler-{build}", (string)started["session_state"]!["interview_id"]!);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
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
