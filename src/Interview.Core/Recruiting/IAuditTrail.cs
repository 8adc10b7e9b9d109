namespace Interview.Core.Recruiting;

/// <summary>
/// One recorded recruiter action: who, what, when, and which interview or plan. It holds no candidate data beyond the
/// interview id, so it outlives an erasure (which it records).
/// </summary>
public sealed record AuditEntry(DateTime At, Actor Actor, string Action, string? InterviewId = null, string? PlanId = null,
    int? Version = null);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, string? Continuation);

/// <summary>The actions <see cref="IAuditTrail"/> records.</summary>
public static class AuditActions
{
    public const string Review = "review";
    public const string Erase = "erase";
    public const string PlanSave = "plan_save";
    public const string CandidateLink = "candidate_link";
    public const string Rerun = "rerun";
    public const string WebhookCreate = "webhook_create";
    public const string WebhookDelete = "webhook_delete";
    public const string WebhookReplay = "webhook_replay";
}

/// <summary>Who did what on the recruiter's side, newest first; for every interview or for one.</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task<AuditPage> ListAsync(string? interviewId, string? continuation, int pageSize, CancellationToken cancellationToken);
}
