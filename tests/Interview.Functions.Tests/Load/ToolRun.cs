using System.Diagnostics;
using System.Text.Json.Nodes;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Load;

/// <summary>
/// Runs one of the built harness tools (tools/Interview.LoadTest, tools/Interview.Personas) as a process, each with its
/// own Azurite and app, and returns its exit code, output and JSON results. The tree must not grow (Azurite's data and
/// every log go to a temp folder), and that temp folder must be gone afterwards.
/// </summary>
internal static class ToolRun
{
    /// <summary>
    /// Harness tests run one at a time: each checks that no temp folder of its tool is left, which another run's would be.
    /// </summary>
    public const string Collection = "harness tools";

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>What a harness run may add under the repository: nothing it writes belongs there, so only stray noise fits.</summary>
    private const long FootprintBound = 64 * 1024;

    public static async Task<(int ExitCode, string Output, JsonNode? Result)> RunAsync(string tool, params string[] args)
    {
        var before = RepoFootprint.Take();
        // The tool's own temp root (TMPDIR), so that another run on the machine cannot be mistaken for this one's leftovers.
        var temp = Directory.CreateTempSubdirectory("harness-").FullName;
        try
        {
            var run = await RunProcessAsync(tool, args, temp);

            var grown = RepoFootprint.Take().GrowthSince(before);
            Assert.True(grown.Values.Sum() <= FootprintBound,
                $"The run grew the repository by {grown.Values.Sum()} " +
                    $"bytes:\n{string.Join('\n', grown.Select(g => $"{g.Key} +{g.Value}"))}");
            Assert.Empty(Directory.GetDirectories(temp, "interview-load-*"));
            return run;
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static async Task<(int, string, JsonNode?)> RunProcessAsync(string tool, string[] args, string temp)
    {
        var root = AzuriteFixture.RepoRoot();
        var dll = Path.Combine(root, "tools", tool, "bin", Configuration, "net10.0", $"{tool}.dll");
        Assert.True(File.Exists(dll),
            $"{tool} is not built at {dll}: build InterviewFunctions.sln -c {Configuration} (scripts/test does).");
        var json = Path.Combine(Path.GetTempPath(), $"tool-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                dll, "--repo", root, "--timeout", "45s", "--json", json,
                "--app-dll", AppBuilds.Twin,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["TMPDIR"] = temp },
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} ran longer than {Limit.TotalSeconds} s:\n{await output}\n{await errors}");
        }

        try
        {
            return (process.ExitCode, $"{await output}\n{await errors}", File.Exists(json)
                ? JsonNode.Parse(await File.ReadAllTextAsync(json)) : null);
        }
        finally
        {
            File.Delete(json);
        }
    }
}
