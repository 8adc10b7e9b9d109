namespace Interview.Core.Evaluation;

/// <summary>
/// Finished reports, one per evaluation version, kept beside the interview. Where a run stands lives in the
/// orchestration (its status and custom status), not here.
/// </summary>
public interface IEvaluationStore
{
    Task<EvaluationReport?> GetAsync(string interviewId, int version, CancellationToken cancellationToken);

    /// <summary>Writes the report of its version; writing the same version again replaces it (an activity may run twice).</summary>
    Task SaveAsync(EvaluationReport report, CancellationToken cancellationToken);
}
