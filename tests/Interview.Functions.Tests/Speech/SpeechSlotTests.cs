using Interview.Functions.Speech.Offline;

namespace Interview.Functions.Tests.Speech;

/// <summary>
/// The offline engines share one slot per core; one interview holds at most one of them, so a flood of uploads to one
/// interview queues behind itself while another interview's turn still runs. Long "sleep" runs stand in for decodes.
/// </summary>
public sealed class SpeechSlotTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Flood_on_one_interview_leaves_a_slot_for_another()
    {
        var runner = new ProcessRunner(slots: 2);
        using var flood = new CancellationTokenSource();
        var flooding = Enumerable.Range(0, 6).Select(_ => runner.RunAsync("sleep", ["60"], Long, flood.Token, "flooded")).ToList();

        // Without the per-interview share all slots would be asleep for a minute and this would time out.
        await runner.RunAsync("true", [], TimeSpan.FromSeconds(20), CancellationToken.None, "other");

        Assert.All(flooding, run => Assert.False(run.IsCompleted));
        await flood.CancelAsync();
        foreach (var run in flooding)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }
    }

    [Fact]
    public async Task Second_run_for_the_same_interview_waits_for_the_first_and_times_out_retryably()
    {
        var runner = new ProcessRunner(slots: 4);
        using var first = new CancellationTokenSource();
        var running = runner.RunAsync("sleep", ["60"], Long, first.Token, "one");

        var waited = await Assert.ThrowsAsync<TimeoutException>(
            () => runner.RunAsync("true", [], TimeSpan.FromMilliseconds(300), CancellationToken.None, "one"));

        Assert.Contains("did not finish", waited.Message, StringComparison.Ordinal);
        await first.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Runs_without_an_owner_share_the_slots_as_before()
    {
        var runner = new ProcessRunner(slots: 2);

        var outputs = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(i => runner.RunAsync("echo", [$"{i}"], TimeSpan.FromSeconds(20), CancellationToken.None)));

        Assert.Equal(["0", "1", "2", "3"], outputs.Select(o => o.Trim()));
    }
}
