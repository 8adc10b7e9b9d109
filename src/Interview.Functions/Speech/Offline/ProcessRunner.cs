using System.Diagnostics;

namespace Interview.Functions.Speech.Offline;

/// <summary>Runs a speech tool with arguments (never through a shell), bounded in time and in how many run at once.</summary>
public sealed class ProcessRunner
{
    // pocketsphinx and ffmpeg are CPU-bound: more at once than cores only adds queueing inside the kernel.
    private readonly SemaphoreSlim _slots = new(Math.Max(1, Environment.ProcessorCount));

    public async Task<string> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
            var stderr = process.StandardError.ReadToEndAsync(limit.Token);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                ct.ThrowIfCancellationRequested();
                throw new TimeoutException($"{Path.GetFileName(tool)} did not finish within {timeout.TotalSeconds:0} s.");
            }

            if (process.ExitCode != 0)
            {
                throw new ProcessFailedException(Path.GetFileName(tool), process.ExitCode, Tail(await stderr));
            }

            return await stdout;
        }
        finally
        {
            _slots.Release();
        }
    }

    private static string Tail(string text) => text.Length <= 400 ? text.Trim() : text[^400..].Trim();
}

public sealed class ProcessFailedException(string tool, int exitCode, string stderr)
    : Exception($"{tool} exited with {exitCode}: {stderr}");
