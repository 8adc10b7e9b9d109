using System.Diagnostics;
using System.Net;
using Interview.Api.Tests.Infrastructure;

namespace Interview.Api.Tests.Hosting;

/// <summary>The built app as the Functions host starts it: a process told its port by FUNCTIONS_CUSTOMHANDLER_PORT.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CustomHandlerProcessTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task App_listens_on_the_custom_handler_port_and_serves_the_interview_routes()
    {
        var port = AzuriteFixture.FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "Interview.Api.dll");
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { dll }, WorkingDirectory = Path.GetTempPath(), RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString();
        start.Environment["Storage__ConnectionString"] = azurite.ConnectionString;
        start.Environment["Storage__SessionsTable"] = "handlerprocess";
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await Poll.UntilAsync(() => !process.HasExited && Healthy(http), TimeSpan.FromSeconds(60), "the handler to answer /health");

            var started = await (await http.StartAsync("handler-1")).JsonAsync();
            Assert.Equal("handler-1", (string)started["session_state"]!["interview_id"]!);
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
