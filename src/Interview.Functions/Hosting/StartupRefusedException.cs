namespace Interview.Functions.Hosting;

/// <summary>
/// A start refused for a reason that is already worded for the person starting it: <see cref="StartupFailure"/> prints it as it is.
/// </summary>
public sealed class StartupRefusedException(int exitCode, string summary, IReadOnlyList<string> details) : Exception(summary)
{
    public int ExitCode { get; } = exitCode;

    public string Summary { get; } = summary;

    public IReadOnlyList<string> Details { get; } = details;
}
