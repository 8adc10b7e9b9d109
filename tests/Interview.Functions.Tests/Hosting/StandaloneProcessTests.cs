using System.Diagnostics;
using System.Net;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Hosting;

/// <summary>The built and the published executable, started as scripts/run starts it: no Functions host, so standalone.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StandaloneProcessTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("build")]
    [InlineData("publish")]
    public async Task Executable_without_a_functions_host_serves_the_interview_routes_standalone(string build)
    {
        var port = Interview.LoadTest.Local.Loopback.FreePort();
        var start = build == "build"
            ? new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(FunctionsMetadata.BuildOutput, "Interview.Functions.dll") } }
            : new ProcessStartInfo(Path.Combine(AzuriteFixture.RepoRoot(), "artifacts", "functionapp", "Interview.Functions"));
        start.WorkingDirectory = Path.GetTempPath();
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__ConnectionString"] = azurite.ConnectionString;
        start.Environment["Storage__SessionsTable"] = $"standalone{build}";
        start.Environment["Speech__Provider"] = "none";
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await Poll.UntilAsync(() => !process.HasExited && Healthy(http), TimeSpan.FromSeconds(60), "the app to answer /health");

            var started = await (await http.StartAsync($"standalone-{build}")).JsonAsync();
            Assert.Equal($"standalone-{build}", (string)started["session_state"]!["interview_id"]!);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode); // the candidate page, from beside the executable
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
