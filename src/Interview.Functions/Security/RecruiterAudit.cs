using Interview.Core.Recruiting;

namespace Interview.Functions.Security;

/// <summary>
/// Records a recruiter action once it has succeeded, as done by the request's actor (the credential the edge checked),
/// so the trail names who did it whichever function it was.
/// </summary>
public sealed class RecruiterAudit(IAuditTrail trail, InterviewAccess access, TimeProvider clock)
{
    public async Task<Actor> RecordAsync(HttpRequest request, string action, string? interviewId = null, string? planId = null,
        int? version = null)
    {
        var actor = access.ActorOf(request.HttpContext);
        // Not the request's cancellation: the action is done, and its record should not be lost to a client that left.
        await trail.RecordAsync(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor, action, interviewId, planId, version),
            CancellationToken.None);
        return actor;
    }
}
