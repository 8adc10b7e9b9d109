using System.Globalization;
using System.Text;

namespace Interview.LoadTest.Results;

/// <summary>One run's figures, printed as a markdown row and written as JSON for scripts and tests.</summary>
public sealed record RunResult(
    string Mode,
    int Interviews,
    int TurnsPerInterview,
    int Turns,
    double DurationSeconds,
    Percentiles FirstAttemptMs,
    Percentiles OverallMs,
    int Retries,
    IReadOnlyDictionary<string, int> RetriesByCause,
    int Fallbacks,
    int FailedInterviews,
    IReadOnlyDictionary<string, int> FailuresByCause,
    int ConcludedInterviews,
    string Fault,
    bool FaultInjected,
    string Machine,
    Verification Verification)
{
    public double Throughput => DurationSeconds > 0 ? Turns / DurationSeconds : 0;

    public int Lost => Verification.Lost;

    public int Duplicated => Verification.Duplicated;

    public bool Passed => Verification.Passed && FailedInterviews == 0 && FaultInjected;

    public const string TableHeader =
        "| mode | interviews x turns | turns | duration s | throughput turns/s | p50 / p95 / p99 ms (first attempts) | p50 / p95 / p99 " +
            "ms (overall) | retries | fallbacks | lost | duplicated |\n" +
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    public string TableRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Mode} | {Interviews} x {TurnsPerInterview} | {Turns} | {DurationSeconds:F1} | {Throughput:F0} | {Ms(FirstAttemptMs)} | " +
            $"{Ms(OverallMs)} | {Retries} | {Fallbacks} | {Lost} | {Duplicated} |");

    public string Details()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"- machine: {Machine}");
        text.Append(inv, $"- latency samples: {FirstAttemptMs.Count} first-attempt successes (max {FirstAttemptMs.Max:F0} ms), ")
            .AppendLine(inv, $"{OverallMs.Count} successful turns overall (max {OverallMs.Max:F0} ms)");
        text.AppendLine(inv, $"- retries by cause: {Causes(RetriesByCause)}");
        text.AppendLine(inv, $"- fault: {Fault}");
        text.Append(inv, $"- interviews: {Interviews - FailedInterviews} of {Interviews} completed ")
            .Append(inv, $"({ConcludedInterviews} concluded by the interviewer before turn {TurnsPerInterview}); ")
            .AppendLine(inv, $"failed: {FailedInterviews} {Causes(FailuresByCause)}");
        var v = Verification;
        text.Append(inv, $"- verification: {v.Exact} of {v.Checked} interviews stored exactly what the client saw; ")
            .Append(inv, $"lost {v.Lost}, duplicated {v.Duplicated}, mismatched {v.Mismatched}, unreadable {v.Unreadable}, ")
            .AppendLine(inv, $"in-doubt turns found committed {v.InDoubtStored}");
        foreach (var sample in v.Samples)
        {
            text.AppendLine(inv, $"  - {sample}");
        }

        text.Append(Passed ? "RESULT: PASS" : "RESULT: FAIL");
        return text.ToString();
    }

    private static string Ms(Percentiles p) => string.Create(CultureInfo.InvariantCulture, $"{p.P50:F0} / {p.P95:F0} / {p.P99:F0}");

    private static string Causes(IReadOnlyDictionary<string, int> causes) =>
        causes.Count == 0 ? "none" : string.Join(", ", causes.OrderByDescending(c => c.Value).Select(c => $"{c.Key} x{c.Value}"));
}
