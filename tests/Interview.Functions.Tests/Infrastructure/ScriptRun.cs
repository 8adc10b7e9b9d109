using System.Diagnostics;

namespace Interview.Functions.Tests.Infrastructure;

/// <summary>Runs one of the repository's scripts as a user would, with exactly the environment a test gives it.</summary>
public static class ScriptRun
{
    /// <param name="interpreter">sh or python3: the scripts' own shebangs, named so a missing execute bit cannot matter.</param>
    /// <param name="environment">Set for the run; a null value removes the variable, so the test's own shell cannot leak into it.</param>
    public static async Task<(int ExitCode, string Output)> RunAsync(string interpreter, string script, IEnumerable<string> arguments,
        IEnumerable<(string Name, string? Value)> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AzuriteFixture.RepoRoot(), "scripts", script));
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
