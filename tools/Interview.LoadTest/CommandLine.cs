using System.Runtime.InteropServices;

namespace Interview.LoadTest;

/// <summary>
/// What the harness tools (this one and tools/Interview.Personas) share on the command line: "--name value" pairs, and Main.
/// </summary>
public static class CommandLine
{
    /// <summary>
    /// Applies each "--name value" pair in turn with <paramref name="apply"/>, which throws FormatException (or
    /// OverflowException, UriFormatException) for a bad one. Null options with error "" ask for the usage text.
    /// </summary>
    public static (T? Options, string? Error) Parse<T>(IReadOnlyList<string> args, T options, Func<T, string, string, T> apply)
        where T : class
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return (null, "");
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{name} needs a value");
            }

            var value = args[++i];
            try
            {
                options = apply(options, name, value);
            }
            catch (Exception ex) when (ex is FormatException or OverflowException or UriFormatException)
            {
                return (null, $"{name} {value}: {ex.Message}");
            }
        }

        return (options, null);
    }

    /// <summary>
    /// Runs a tool: usage on -h or a bad option (exit 0 or 2); Ctrl-C and SIGTERM cancel the run (130), and the processes
    /// it started are stopped on the way out; an environment that could not start is a message, not a stack trace (3).
    /// </summary>
    public static async Task<int> MainAsync<T>((T? Options, string? Error) parsed, string usage, Func<T, CancellationToken, Task<int>> run)
        where T : class
    {
        var (options, error) = parsed;
        if (options is null)
        {
            await Console.Error.WriteLineAsync(error is "" ? usage : $"error: {error}\n{usage}");
            return error is "" ? 0 : 2;
        }

        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        try
        {
            return await run(options, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("cancelled");
            return 130;
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 3;
        }
    }
}
