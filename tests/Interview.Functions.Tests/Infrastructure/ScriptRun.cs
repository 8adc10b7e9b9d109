using System.Diagnostics;

namespace Interview.Functions.Tests.Infrastructure;

/// <summary>
/// Runs a command from the repository root as a user would (one of its scripts, or a pinned tool), with exactly the
/// environment a test gives it, and returns its exit code and everything it printed.
/// </summary>
public static class ScriptRun
{
    /// <summary>
    /// A script under scripts/, through its interpreter (sh or python3: its own shebang), so a missing execute bit cannot matter.
    /// </summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string interpreter, string script, IEnumerable<string> arguments,
        IEnumerable<(string Name, string? Value)> environment, TimeSpan timeout) =>
        RunCommandAsync(interpreter, arguments.Prepend(Path.Combine(AzuriteFixture.RepoRoot(), "scripts", script)), environment, timeout);

    /// <param name="environment">Set for the run; a null value removes the variable, so the test's own shell cannot leak into it.</param>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string file, IEnumerable<string> arguments,
        IEnumerable<(string Name, string? Value)> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = AzuriteFixture.RepoRoot() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(timeout);
        return (process.ExitCode, await stdout + await stderr);
    }
}
