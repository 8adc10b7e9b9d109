using System.Text.Json.Nodes;

namespace Interview.Functions.Tests.Load;

/// <summary>
/// Small runs of tools/Interview.LoadTest as a process, each with its own Azurite and app: concurrent interviews, a fresh
/// Idempotency-Key per answer, every conversation read back afterwards. Nothing may be lost or duplicated.
/// </summary>
[Collection(ToolRun.Collection)]
public sealed class LoadHarnessTests
{
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

    private static async Task<JsonNode> RunAsync(params string[] args)
    {
        var (exitCode, output, result) = await ToolRun.RunAsync("Interview.LoadTest", args);
        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{output}");
        return result!;
    }
}
