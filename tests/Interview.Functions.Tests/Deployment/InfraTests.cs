using System.Diagnostics;
using System.Reflection;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Deployment;

/// <summary>infra/main.bicep compiles and lints clean with the Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InfraTests
{
    private static readonly string Bicep =
        typeof(InfraTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
    internal static readonly string Main = Path.Combine(AzuriteFixture.RepoRoot(), "infra", "main.bicep");

    [Fact]
    public async Task Main_bicep_builds_without_errors()
    {
        var (exit, output) = await RunAsync("build", Main, "--stdout");

        Assert.True(exit == 0, output);
        Assert.Contains("Microsoft.Web/sites", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Function_app_runs_the_dotnet_10_isolated_worker_with_always_ready_off_by_default()
    {
        var (_, output) = await RunAsync("build", Main, "--stdout");
        var template = System.Text.Json.Nodes.JsonNode.Parse(output)!;

        var app = CompiledTemplate.Resources(template).Single(r => (string)r["type"]! == "Microsoft.Web/sites");
        var config = app["properties"]!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string)config["runtime"]!["name"]!);
        Assert.Equal("10.0", (string)config["runtime"]!["version"]!);
        Assert.Equal(0, (int)template["parameters"]!["alwaysReadyInstances"]!["defaultValue"]!);
        Assert.Contains("alwaysReadyInstances", config["scaleAndConcurrency"]!["alwaysReady"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", output, StringComparison.Ordinal); // Flex sets it from the runtime
    }

    [Fact]
    public async Task Main_bicep_lints_without_errors_or_warnings()
    {
        var (exit, output) = await RunAsync("lint", Main);

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("Error", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning", output, StringComparison.Ordinal);
    }

    internal static async Task<(int Exit, string Output)> RunAsync(params string[] arguments)
    {
        File.SetUnixFileMode(Bicep, File.GetUnixFileMode(Bicep) | UnixFileMode.UserExecute);
        var start = new ProcessStartInfo(Bicep) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The CLI would otherwise try to reach the network for telemetry and module restore.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout + await stderr);
    }
}
