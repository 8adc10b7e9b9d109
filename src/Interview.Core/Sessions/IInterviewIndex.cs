using Interview.Core.Domain;

namespace Interview.Core.Sessions;

/// <summary>One row of the recruiter's interviews list.</summary>
public sealed record IndexEntry(
    string InterviewId, string? CandidateName, string Role, string PlanId, string Status, DateTime StartedAt, DateTime LastUpdated,
    int? OverallScore, string? Recommendation);

/// <summary>What the list shows of an evaluation: its overall score and recommendation.</summary>
public sealed record IndexedScore(int Overall, string Recommendation);

public sealed record IndexPage(IReadOnlyList<IndexEntry> Items, string? Continuation);

/// <summary>
/// The interviews list, newest first. Writes are marked before the session commit they describe and confirmed after
/// it, so a crash in between leaves a row the list checks against the session itself: an interview that started is
/// always listed, and one being erased never is.
/// </summary>
public interface IInterviewIndex
{
    /// <summary>Before a start commits: the row exists, marked as starting.</summary>
    Task MarkStartingAsync(SessionState state, CancellationToken cancellationToken);

    /// <summary>After a commit (start, end, conclusion) or a report: the row as the interview now is.</summary>
    Task RecordAsync(SessionState state, IndexedScore? score, CancellationToken cancellationToken);

    Task<IndexPage> ListAsync(string? status, string? planId, string? continuation, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// Before an erasure: the row is hidden at once (created when missing) and stays, marked, until the erasure is done and
    /// <see cref="RemoveAsync"/> deletes it: an erasure cut short is found by <see cref="ErasingAsync"/> and finished.
    /// </summary>
    Task MarkErasingAsync(string interviewId, CancellationToken cancellationToken);

    /// <summary>Interviews whose erasure began and has not finished.</summary>
    IAsyncEnumerable<string> ErasingAsync(CancellationToken cancellationToken);

    Task RemoveAsync(string interviewId, CancellationToken cancellationToken);

    /// <summary>A start refused after <see cref="MarkStartingAsync"/> (an erased interview): its row goes, nothing else.</summary>
    Task ForgetStartAsync(SessionState state, CancellationToken cancellationToken);

    /// <summary>
    /// For retention: interviews the list last saw change before <paramref name="before"/>, whatever their status (an
    /// abandoned one too). The list is not updated on every turn, so an active one must be checked against its session.
    /// </summary>
    IAsyncEnumerable<(string InterviewId, string Status)> LastChangedBeforeAsync(DateTime before, CancellationToken cancellationToken);
}

/// <summary>What the index says an interview's status is while it is being started or erased.</summary>
public static class IndexStatus
{
    public const string Starting = "starting";
    public const string Erasing = "erasing";

    public static string Of(SessionStatus status) => status.ToString().ToLowerInvariant();
}
