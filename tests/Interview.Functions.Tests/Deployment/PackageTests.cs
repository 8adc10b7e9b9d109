using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using Interview.Functions.Tests.Hosting;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Deployment;

/// <summary>
/// scripts/package publishes exactly what azd deploys (dotnet publish of the project). The folder must be a Functions
/// app root for the isolated worker, built ReadyToRun. scripts/test packages before testing.
/// </summary>
public sealed class PackageTests
{
    private static readonly string Package = AppBuilds.Package;

    [Fact]
    public void Publish_output_is_an_isolated_worker_app_root_with_the_extensions_it_uses()
    {
        Assert.True(Directory.Exists(Package), $"{Package} is missing: run scripts/package (scripts/test does).");
        foreach (var file in new[] { "host.json", "functions.metadata", "worker.config.json", "extensions.json",
            "Interview.Functions.dll" })
        {
            Assert.True(File.Exists(Path.Combine(Package, file)), $"{file} is missing from the package");
        }

        Assert.False(File.Exists(Path.Combine(Package, "local.settings.json")), "local settings never ship");
        Assert.Equal(
            FunctionsMetadata.Read().Select(f => (string)f["name"]!).Order(),
            FunctionsMetadata.Read(Package).Select(f => (string)f["name"]!).Order());

        // Every binding extension a function uses is there for the host to load.
        var extensions = JsonNode.Parse(File.ReadAllText(Path.Combine(Package, "extensions.json")))!["extensions"]!.AsArray()
            .Select(e => (string)e!["name"]!).ToList();
        Assert.Contains("DurableTask", extensions);
        foreach (var extension in JsonNode.Parse(File.ReadAllText(Path.Combine(Package, "extensions.json")))!["extensions"]!.AsArray())
        {
            Assert.True(File.Exists(Path.Combine(Package, (string)extension!["hintPath"]!)), $"{extension["hintPath"]} is missing");
        }

        Assert.True(File.Exists(Path.Combine(AzuriteFixture.RepoRoot(), "artifacts", "functionapp.zip")));
    }

    [Fact]
    public void Publish_output_holds_what_azure_runs_and_nothing_only_a_laptop_needs()
    {
        var libraries = JsonNode.Parse(File.ReadAllText(Path.Combine(Package, "Interview.Functions.deps.json")))!["libraries"]!.AsObject()
            .Select(l => l.Key).ToList();

        // name/version: no preview, beta or release-candidate package, and no test host of any kind.
        Assert.DoesNotContain(libraries, l => l.Split('/')[1].Contains('-', StringComparison.Ordinal));
        Assert.DoesNotContain(libraries, l => l.Contains("Test", StringComparison.OrdinalIgnoreCase));
        // The twin's own parts: its project, the standalone Durable engine and its gRPC sidecar server, its cron reader.
        foreach (var laptopOnly in new[] { "Interview.Local", "Microsoft.DurableTask.InProcessTestHost",
            "Microsoft.Azure.DurableTask.AzureStorage",
                     "Grpc.AspNetCore.Server", "NCrontab.Signed" })
        {
            Assert.DoesNotContain(libraries, l => l.StartsWith(laptopOnly + "/", StringComparison.OrdinalIgnoreCase));
            Assert.Empty(Directory.GetFiles(Package, laptopOnly + ".dll"));
        }

        Assert.False(Directory.Exists(Path.Combine(Package, "pages")), "the pages are their own service, not part of the function app");
        Assert.Null(typeof(Interview.Functions.Hosting.AppRegistration).Assembly.GetTypes()
            .FirstOrDefault(t => t.BaseType == typeof(System.Reflection.DispatchProxy)));
    }

    [Fact]
    public void Published_app_is_ready_to_run_for_linux_x64()
    {
        using var stream = File.OpenRead(Path.Combine(Package, "Interview.Functions.dll"));
        using var pe = new PEReader(stream);

        // A ReadyToRun image carries a managed native header with precompiled code; IL-only builds do not.
        Assert.NotNull(pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory);
        Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0);
        var runtime = JsonNode.Parse(File.ReadAllText(Path.Combine(Package, "Interview.Functions.deps.json")))!["runtimeTarget"]!["name"]!;
        Assert.EndsWith("/linux-x64", (string)runtime!, StringComparison.Ordinal);
    }
}
