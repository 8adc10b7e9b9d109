using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Hosting;

/// <summary>
/// The served OpenAPI document as the tools a frontend team uses read it: redocly's recommended rules report no error,
/// and Microsoft's client generator, Kiota (pinned in dotnet-tools.json), generates a C# client from it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiGeneratorTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("openapi-").FullName;
    private string _document = "";

    public async Task InitializeAsync()
    {
        using var app = new InterviewApp(azurite);
        _document = Path.Combine(_folder, "openapi.json");
        await File.WriteAllTextAsync(_document, await (await app.CreateClient().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Redocly_recommended_rules_find_no_error()
    {
        var redocly = Path.Combine(AzuriteFixture.RepoRoot(), "node_modules", "@redocly", "cli", "bin", "cli.js");
        var (exit, output) = await ScriptRun.RunCommandAsync("node", [redocly, "lint", "--extends", "recommended", _document],
            [("REDOCLY_TELEMETRY", "off"), ("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true")], TimeSpan.FromMinutes(2));

        Assert.True(exit == 0, output); // errors fail the run; warnings (no license) do not
        Assert.Contains("Woohoo! Your API description is valid.", output.Replace("\n", " ", StringComparison.Ordinal),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kiota_generates_a_client()
    {
        var output = Path.Combine(_folder, "client");
        var (exit, log) = await ScriptRun.RunCommandAsync("dotnet",
            ["tool", "run", "kiota", "generate", "-d", _document, "-l", "CSharp", "-o", output, "-c", "InterviewClient", "-n",
                "Interview.Client"],
            [("KIOTA_TUTORIAL_ENABLED", "false"), ("KIOTA_OFFLINE_ENABLED", "true")], TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, log);
        Assert.Contains("Generation completed successfully", log, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "InterviewClient.cs")), log);
        Assert.True(Directory.Exists(Path.Combine(output, "Session")), log);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
