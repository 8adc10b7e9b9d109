using System.Text.Json.Nodes;
using Interview.Api.Tests.Infrastructure;

namespace Interview.Api.Tests.Deployment;

/// <summary>
/// scripts/package yields a deployable Functions app root: host.json, every function folder, and the handler as a
/// self-contained executable at host.json's defaultExecutablePath. scripts/test packages before testing.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PackageTests
{
    private static readonly string Package = Path.Combine(AzuriteFixture.RepoRoot(), "artifacts", "functionapp");

    [Fact]
    public void Package_holds_host_json_every_function_and_the_executable()
    {
        Assert.True(Directory.Exists(Package), $"{Package} is missing: run scripts/package (scripts/test does).");
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(Package, "host.json")))!;
        var executable = Path.Combine(Package, (string)host["customHandler"]!["description"]!["defaultExecutablePath"]!);

        Assert.True(File.Exists(executable), $"{executable} is missing");
        Assert.True(File.GetUnixFileMode(executable).HasFlag(UnixFileMode.UserExecute), "the handler must be executable");
        Assert.False(File.Exists(Path.Combine(Package, "local.settings.json")), "local settings never ship");
        var source = Directory.GetDirectories(Path.Combine(AzuriteFixture.RepoRoot(), "src", "Interview.Api", "Functions")).Select(Path.GetFileName).Order().ToList();
        var packaged = Directory.GetDirectories(Package).Where(d => File.Exists(Path.Combine(d, "function.json"))).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(source, packaged);
        Assert.True(File.Exists(Path.Combine(AzuriteFixture.RepoRoot(), "artifacts", "functionapp.zip")));
    }
}
