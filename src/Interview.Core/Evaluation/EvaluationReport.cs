namespace Interview.Core.Evaluation;

/// <summary>
/// The end-of-interview report, one per version: a rerun writes a new version and keeps the earlier ones.
/// Serialized snake_case at the edge.
/// </summary>
public sealed record EvaluationReport(
    string InterviewId,
    int Version,
    string Status,
    OverallAssessment Overall,
    IReadOnlyList<CompetencyScore> Competencies,
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> Concerns,
    string RubricVersion,
    string Evaluator,
    string PromptVersion,
    DateTime CreatedAt);

public sealed record OverallAssessment(int Score, string Recommendation, string Summary);

/// <summary>
/// One competency's score with the transcript evidence for it. <paramref name="Flagged"/> says why the score was
/// capped, e.g. because the evaluator's citations did not appear in the transcript.
/// </summary>
public sealed record CompetencyScore(string Name, int Score, string Rationale, IReadOnlyList<Citation> Evidence, string? Flagged = null);

/// <summary>A quote from the candidate's answer at <paramref name="Turn"/> (an index into conversation_history).</summary>
public sealed record Citation(int Turn, string Quote);

public static class EvaluationStatus
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
