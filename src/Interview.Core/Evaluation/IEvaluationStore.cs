namespace Interview.Core.Evaluation;

/// <summary>One evaluation run of an interview: its version, where it is, why it failed, and its report when done.</summary>
public sealed record EvaluationRecord(string InterviewId, int Version, string Status, string? Reason, DateTime CreatedAt, DateTime UpdatedAt, EvaluationReport? Report);

/// <summary>
/// Evaluation runs and their checkpoints. Creating a version is the deduplication point: only the caller that
/// creates a version enqueues it, and a competency checkpointed once is never scored again for that version.
/// </summary>
public interface IEvaluationStore
{
    /// <summary>The given version, or the latest when <paramref name="version"/> is null; null when there is none.</summary>
    Task<EvaluationRecord?> GetAsync(string interviewId, int? version, CancellationToken cancellationToken);

    /// <summary>Creates version <paramref name="version"/> as pending; false when it already exists.</summary>
    Task<bool> TryCreateAsync(string interviewId, int version, CancellationToken cancellationToken);

    Task SetStatusAsync(string interviewId, int version, string status, string? reason, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, CompetencyScore>> CheckpointsAsync(string interviewId, int version, CancellationToken cancellationToken);

    Task CheckpointAsync(string interviewId, int version, CompetencyScore score, CancellationToken cancellationToken);

    Task CompleteAsync(EvaluationReport report, CancellationToken cancellationToken);
}

/// <summary>Where evaluation work is queued; at-least-once delivery, so the runner tolerates duplicates.</summary>
public interface IEvaluationQueue
{
    Task EnqueueAsync(string interviewId, int version, CancellationToken cancellationToken);
}
