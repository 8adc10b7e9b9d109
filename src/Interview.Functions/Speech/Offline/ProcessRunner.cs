using System.Diagnostics;

namespace Interview.Functions.Speech.Offline;

/// <summary>
/// Runs a speech tool with arguments (never through a shell), bounded in time and in how many run at once. An owner
/// (an interview) holds at most one slot: its turns are sequential anyway, so a flood of uploads to one interview waits
/// behind itself and every other interview still gets a slot. Waiting for a slot is bounded by the same time limit as
/// the run (which gets its own): a queue that does not move becomes a retryable timeout, not a pile of requests.
/// </summary>
public sealed class ProcessRunner
{
    private readonly SemaphoreSlim _slots;
    private readonly Dictionary<string, Owner> _owners = new(StringComparer.Ordinal);

    // pocketsphinx and ffmpeg are CPU-bound: more at once than cores only adds queueing inside the kernel.
    public ProcessRunner()
        : this(Environment.ProcessorCount)
    {
    }

    internal ProcessRunner(int slots) => _slots = new SemaphoreSlim(Math.Max(1, slots));

    public async Task<string> RunAsync(
        string tool, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken ct, string? owner = null)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        waiting.CancelAfter(timeout);
        var mine = owner is null ? null : Enter(owner);
        try
        {
            if (mine is not null)
            {
                await Wait(mine.Turn, tool, timeout, waiting.Token, ct);
            }

            try
            {
                await Wait(_slots, tool, timeout, waiting.Token, ct);
                try
                {
                    using var running = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    running.CancelAfter(timeout);
                    return await RunOnceAsync(tool, arguments, timeout, running.Token, ct);
                }
                finally
                {
                    _slots.Release();
                }
            }
            finally
            {
                mine?.Turn.Release();
            }
        }
        finally
        {
            if (mine is not null)
            {
                Leave(owner!, mine);
            }
        }
    }

    private static async Task<string> RunOnceAsync(
        string tool, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken limit, CancellationToken ct)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var stdout = process.StandardOutput.ReadToEndAsync(limit);
        var stderr = process.StandardError.ReadToEndAsync(limit);
        try
        {
            await process.WaitForExitAsync(limit);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            ct.ThrowIfCancellationRequested();
            throw TimedOut(tool, timeout);
        }

        if (process.ExitCode != 0)
        {
            throw new ProcessFailedException(Path.GetFileName(tool), process.ExitCode, Tail(await stderr));
        }

        return await stdout;
    }

    private static async Task Wait(SemaphoreSlim semaphore, string tool, TimeSpan timeout, CancellationToken limit, CancellationToken ct)
    {
        try
        {
            await semaphore.WaitAsync(limit);
        }
        catch (OperationCanceledException)
        {
            ct.ThrowIfCancellationRequested();
            throw TimedOut(tool, timeout);
        }
    }

    private Owner Enter(string owner)
    {
        lock (_owners)
        {
            if (!_owners.TryGetValue(owner, out var entry))
            {
                _owners[owner] = entry = new Owner();
            }

            entry.Users++;
            return entry;
        }
    }

    /// <summary>The last user removes the owner, so the map holds only interviews with a run waiting or going.</summary>
    private void Leave(string owner, Owner mine)
    {
        lock (_owners)
        {
            if (--mine.Users == 0)
            {
                _owners.Remove(owner);
            }
        }
    }

    private static TimeoutException TimedOut(string tool, TimeSpan timeout) =>
        new($"{Path.GetFileName(tool)} did not finish within {timeout.TotalSeconds:0} s.");

    private static string Tail(string text) => text.Length <= 400 ? text.Trim() : text[^400..].Trim();

    private sealed class Owner
    {
        public int Users { get; set; }

        public SemaphoreSlim Turn { get; } = new(1);
    }
}

public sealed class ProcessFailedException(string tool, int exitCode, string stderr)
    : Exception($"{tool} exited with {exitCode}: {stderr}");
