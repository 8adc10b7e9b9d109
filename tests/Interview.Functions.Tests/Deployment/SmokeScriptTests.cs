using System.Diagnostics;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Security;

namespace Interview.Functions.Tests.Deployment;

/// <summary>
/// scripts/smoke, what a team runs after azd up, run here against the laptop twin as a real process, so the script
/// cannot drift from the API: in token mode with a recruiter credential (what the infra deploys) and in open mode.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SmokeScriptTests(AzuriteFixture azurite)
{
    private static readonly string[] Steps =
        ["health", "join token", "start", "text turn", "streamed turn", "state", "end", "evaluation", "interviews list", "erasure"];

    [Fact]
    public async Task Smoke_passes_every_step_in_token_mode_with_a_recruiter_credential()
    {
        await using var app = await StartTwinAsync("smoketoken", new()
        {
            ["Security:Mode"] = "token", ["Security:SigningKey"] = TokenApp.SigningKey, ["Security:AdminKey"] = TokenApp.AdminKey,
        });

        var (exitCode, output) = await RunSmokeAsync(app.Url, ("SMOKE_ADMIN_KEY", TokenApp.AdminKey));

        Assert.True(exitCode == 0, output);
        Assert.All(Steps, step => Assert.Matches($"(?m)^ok +{step} ", output));
        Assert.Contains("erased, 404 afterwards", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smoke_fails_at_the_start_in_token_mode_without_a_credential_and_says_so()
    {
        await using var app = await StartTwinAsync("smokedenied", new()
        {
            ["Security:Mode"] = "token", ["Security:SigningKey"] = TokenApp.SigningKey, ["Security:AdminKey"] = TokenApp.AdminKey,
        });

        var (exitCode, output) = await RunSmokeAsync(app.Url);

        Assert.Equal(1, exitCode);
        Assert.Matches("(?m)^FAIL +start +POST /session/start: 401", output);
        Assert.DoesNotMatch("(?m)^ok +text turn", output);
    }

    [Fact]
    public async Task Smoke_passes_in_open_mode_and_skips_what_needs_a_recruiter()
    {
        await using var app = await StartTwinAsync("smokeopen", []);

        var (exitCode, output) = await RunSmokeAsync(app.Url);

        Assert.True(exitCode == 0, output);
        Assert.Matches("(?m)^ok +interviews list +skipped", output);
        Assert.Matches("(?m)^ok +evaluation +overall [1-5], ", output);
    }

    private Task<AppProcess> StartTwinAsync(string name, Dictionary<string, string> settings)
    {
        settings["Storage:ConnectionString"] = azurite.ConnectionString;
        settings["Storage:SessionsTable"] = name;
        settings["Storage:AudioContainer"] = name;
        settings["Evaluation:TaskHub"] = name;
        return AppProcess.StartAsync(AppBuilds.Twin, settings);
    }

    private static Task<(int ExitCode, string Output)> RunSmokeAsync(Uri url, params (string Name, string Value)[] environment) =>
        ScriptRun.RunAsync("python3", "smoke", [url.ToString()],
            environment.Select(e => (e.Name, (string?)e.Value)).Prepend(("SMOKE_TIMEOUT", "120")), TimeSpan.FromMinutes(3));
}
