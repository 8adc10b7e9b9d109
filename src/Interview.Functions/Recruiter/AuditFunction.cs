using Interview.Core.Recruiting;
using Microsoft.Azure.Functions.Worker;
using static Microsoft.AspNetCore.Http.StatusCodes;
using Interview.Functions.Http;

namespace Interview.Functions.Recruiter;

/// <summary>The audit trail: who reviewed, erased, saved a plan, linked a candidate or reran an evaluation, and when.</summary>
public sealed class AuditFunction(IAuditTrail audit)
{
    public sealed record AuditList(IReadOnlyList<AuditEntry> Items, string? Continuation);

    [Function("ListAudit")]
    [Access(Credential.Recruiter)]
    [Described("manage", "Who did what on the recruiter's side, newest first, for every interview or ?interview_id=, 50 a page")]
    [Returns(Status200OK, typeof(AuditList))]
    [Refuses(Status400BadRequest)]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/audit")] HttpRequest request)
    {
        string? interviewId = request.Query["interview_id"];
        var paging = PageQuery.Of(request.Query);
        if (interviewId is not null && !InterviewId.IsValid(interviewId) || !paging.Valid)
        {
            return Problems.Create(ErrorCodes.InvalidField, $"interview_id is an interview id; {PageQuery.Rule}.");
        }

        var page = await audit.ListAsync(interviewId, paging.Continuation, paging.Size, request.HttpContext.RequestAborted);
        return TypedResults.Ok(new AuditList(page.Items, page.Continuation));
    }
}
