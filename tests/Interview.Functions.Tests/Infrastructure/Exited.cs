namespace Interview.Functions.Tests.Infrastructure;

/// <summary>How a process ended: its exit code and its two output streams.</summary>
public sealed record Exited(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;
}
