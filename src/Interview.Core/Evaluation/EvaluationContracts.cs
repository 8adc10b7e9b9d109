namespace Interview.Core.Evaluation;

// The records the evaluation orchestration passes between its steps. Small on purpose: each is kept in the
// orchestration's history, so activities read the (immutable, ended) transcript themselves instead of carrying it.

/// <summary>Evaluate version <paramref name="Version"/> of an interview: orchestration instance <see cref="InstanceId"/>.</summary>
public sealed record EvaluationRequest(string InterviewId, int Version)
{
    public string InstanceId => InstanceIdFor(InterviewId, Version);

    public static string InstanceIdFor(string interviewId, int version) => $"{interviewId}-v{version}";
}

/// <summary>What the loading step found: the plan, the competencies to score, and how many utterances were said.</summary>
public sealed record InterviewSnapshot(string PlanId, IReadOnlyList<string> Competencies, int Utterances, int PlanVersion = 0);

/// <summary>Score one competency of the snapshot.</summary>
public sealed record ScoreRequest(EvaluationRequest Evaluation, InterviewSnapshot Snapshot, string Competency);

/// <summary>Build and store the report from every competency's score, dated by the orchestration's clock.</summary>
public sealed record ReportRequest(EvaluationRequest Evaluation, InterviewSnapshot Snapshot, IReadOnlyList<CompetencyScore> Scores,
    DateTime CreatedAt);

/// <summary>The orchestration's output: the stored report's headline.</summary>
public sealed record EvaluationOutcome(int Version, int Score, string Recommendation);

/// <summary>The orchestration's custom status while it runs: the step, and competencies scored of the total.</summary>
public sealed record EvaluationProgress(string Step, int Scored, int Total)
{
    public const string Loading = "loading";
    public const string Scoring = "scoring";
    public const string Storing = "storing";
}

/// <summary>An evaluation that cannot succeed however often it is tried (the interview is gone or still running).</summary>
public sealed class EvaluationNotPossibleException(string message) : Exception(message);
