using System.Diagnostics;
using System.Text.Json.Nodes;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Load;

/// <summary>
/// Small runs of tools/Interview.LoadTest as a process, each with its own Azurite and app: concurrent interviews, a fresh
/// Idempotency-Key per answer, every conversation read back afterwards. Nothing may be lost or duplicated.
/// </summary>
public sealed class LoadHarnessTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>What a harness run may add under the repository: nothing it writes belongs there, so only stray noise fits.</summary>
    private const long FootprintBound = 64 * 1024;

    [Fact]
    public async Task Twenty_concurrent_interviews_store_exactly_the_turns_their_clients_saw()
    {
        var result = await RunAsync("--interviews", "20", "--turns", "5");

        Assert.Equal(100, (int)result["Turns"]!);
        AssertNothingLostOrDuplicated(result);
    }

    [Fact]
    public async Task Interviews_continue_where_they_were_after_the_app_is_killed_mid_run()
    {
        var result = await RunAsync("--interviews", "20", "--turns", "5", "--fault", "app-restart");

        Assert.True((bool)result["FaultInjected"]!, (string?)result["Fault"]);
        Assert.Equal(100, (int)result["Turns"]!);
        AssertNothingLostOrDuplicated(result);
    }

    private static void AssertNothingLostOrDuplicated(JsonNode result)
    {
        var verification = result["Verification"]!;
        Assert.Equal(20, (int)verification["Exact"]!);
        Assert.Equal(0, (int)verification["Lost"]!);
        Assert.Equal(0, (int)verification["Duplicated"]!);
        Assert.Equal(0, (int)verification["Mismatched"]!);
        Assert.Equal(0, (int)result["FailedInterviews"]!);
    }

    /// <summary>
    /// Runs the built tool (scripts/test builds the solution first) and returns its JSON results; exit code 0 required. The
    /// tree must not grow (Azurite's data and every log go to a temp folder), and that temp folder must be gone afterwards.
    /// </summary>
    private static async Task<JsonNode> RunAsync(params string[] args)
    {
        var before = RepoFootprint.Take();
        // The tool's own temp root (TMPDIR), so that another run on the machine cannot be mistaken for this one's leftovers.
        var temp = Directory.CreateTempSubdirectory("load-harness-").FullName;
        try
        {
            var result = await RunToolAsync(args, temp);

            var grown = RepoFootprint.Take().GrowthSince(before);
            Assert.True(grown.Values.Sum() <= FootprintBound,
                $"The run grew the repository by {grown.Values.Sum()} bytes:\n{string.Join('\n', grown.Select(g => $"{g.Key} +{g.Value}"))}");
            Assert.Empty(Directory.GetDirectories(temp, "interview-load-*"));
            return result;
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static async Task<JsonNode> RunToolAsync(string[] args, string temp)
    {
        var root = AzuriteFixture.RepoRoot();
        var tool = Path.Combine(root, "tools", "Interview.LoadTest", "bin", Configuration, "net10.0", "Interview.LoadTest.dll");
        Assert.True(File.Exists(tool), $"The load tool is not built at {tool}: build InterviewFunctions.sln -c {Configuration} (scripts/test does).");
        var json = Path.Combine(Path.GetTempPath(), $"load-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                tool, "--repo", root, "--timeout", "45s", "--json", json,
                "--app-dll", Path.Combine(root, "src", "Interview.Functions", "bin", Configuration, "net10.0", "Interview.Functions.dll"),
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
            Assert.Fail($"The load tool ran longer than {Limit.TotalSeconds} s:\n{await output}\n{await errors}");
        }

        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}:\n{await output}\n{await errors}");
        try
        {
            return JsonNode.Parse(await File.ReadAllTextAsync(json))!;
        }
        finally
        {
            File.Delete(json);
        }
    }
}
