using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Deployment;

/// <summary>
/// scripts/azd-preprovision, run as azd runs it, with a stand-in `azd` on PATH that records what it was asked to store:
/// no app registration stops provisioning before anything is created; the signing key is generated once and kept.
/// </summary>
public sealed class PreprovisionHookTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("fake-azd-").FullName;

    public PreprovisionHookTests()
    {
        var azd = Path.Combine(_bin, "azd");
        File.WriteAllText(azd, "#!/bin/sh\necho \"$@\" >> \"$(dirname \"$0\")/calls\"\n");
        if (!OperatingSystem.IsWindows()) // the hooks run under sh: Linux and macOS here
        {
            File.SetUnixFileMode(azd, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private string Calls => File.Exists(Path.Combine(_bin, "calls")) ? File.ReadAllText(Path.Combine(_bin, "calls")) : "";

    [Fact]
    public async Task Stops_before_provisioning_without_an_app_registration()
    {
        var (exit, output) = await RunAsync(("ENTRA_CLIENT_ID", null), ("SECURITY_SIGNING_KEY", null));

        Assert.NotEqual(0, exit);
        Assert.Contains("azd env set ENTRA_CLIENT_ID", output, StringComparison.Ordinal);
        Assert.Equal("", Calls); // nothing stored either
    }

    [Fact]
    public async Task Generates_the_signing_key_once()
    {
        var (exit, output) = await RunAsync(("ENTRA_CLIENT_ID", "11111111-2222-3333-4444-555555555555"), ("SECURITY_SIGNING_KEY", null));

        Assert.True(exit == 0, output);
        var stored = Assert.Single(Calls.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Split(' ');
        Assert.Equal(["env", "set", "SECURITY_SIGNING_KEY"], stored[..3]);
        Assert.Equal(32, Convert.FromBase64String(stored[3]).Length);

        var (again, _) = await RunAsync(("ENTRA_CLIENT_ID", "11111111-2222-3333-4444-555555555555"), ("SECURITY_SIGNING_KEY", stored[3]));
        Assert.Equal(0, again);
        Assert.Single(Calls.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // an existing key is never replaced
    }

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    private Task<(int ExitCode, string Output)> RunAsync(params (string Name, string? Value)[] environment) =>
        ScriptRun.RunAsync("sh", "azd-preprovision", [],
            environment.Append(("PATH", $"{_bin}:{Environment.GetEnvironmentVariable("PATH")}")), TimeSpan.FromMinutes(1));
}
