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
        var executable = build == "build"
            ? Path.Combine(FunctionsMetadata.BuildOutput, "Interview.Functions.dll")
            : Path.Combine(AzuriteFixture.RepoRoot(), "artifacts", "functionapp", "Interview.Functions");
        await using var app = await AppProcess.StartAsync(executable, new Dictionary<string, string>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:SessionsTable"] = $"standalone{build}",
            ["Evaluation:TaskHub"] = $"standalone{build}",
        });
        using var http = app.Client();

        var started = await (await http.StartAsync($"standalone-{build}")).JsonAsync();
        Assert.Equal($"standalone-{build}", (string)started["session_state"]!["interview_id"]!);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode); // the candidate page, from beside the executable
    }
}
