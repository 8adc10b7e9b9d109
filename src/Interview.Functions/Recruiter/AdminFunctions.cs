using Interview.Core.Plans;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using static Microsoft.AspNetCore.Http.StatusCodes;
using Interview.Functions.Http;
using Interview.Functions.Security;

namespace Interview.Functions.Recruiter;

/// <summary>
/// The recruiter side's door: a join token for one interview (the candidate's link), issued to a signed-in recruiter
/// (or against the development admin key), and recorded in the audit trail.
/// </summary>
public sealed class AdminFunctions(IOptions<SecurityOptions> options, InterviewTokens tokens, PlanLibrary plans, RecruiterAudit audit)
{
    public sealed record JoinTokenRequest(string? PlanId);

    public sealed record JoinTokenResponse(string InterviewId, string JoinToken, DateTimeOffset ExpiresAt, string? PlanId);

    [Function("IssueJoinToken")]
    [Access(Credential.Recruiter)]
    [Described("manage", "Issue a join token for one interview (token mode), optionally fixing the plan it starts with")]
    [Body("application/json", typeof(JoinTokenRequest), Required = false,
        Description = "Optional. plan_id: the plan the interview must start with (its latest version then).")]
    [Returns(Status200OK, typeof(JoinTokenResponse))]
    [Refuses(Status400BadRequest, Status404NotFound, Status409Conflict, Status413PayloadTooLarge, Status415UnsupportedMediaType)]
    public async Task<IResult> IssueJoinTokenAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/interviews/{interview_id}/join-token")] HttpRequest request)
    {
        if (!options.Value.RequiresTokens)
        {
            return Problems.Create(ErrorCodes.SecurityOpen, "Security:Mode is open: interviews need no tokens.");
        }

        var ct = request.HttpContext.RequestAborted;
        var (body, problem) = await JsonBody.ReadAsync<JoinTokenRequest>(request, 4 * 1024, "{plan_id}", optional: true, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (body?.PlanId is { } planId)
        {
            if (!PlanRules.IsPlanId(planId))
            {
                return Problems.Create(ErrorCodes.InvalidField, "plan_id is 2 to 63 characters of a-z, 0-9 and '-'.");
            }

            if (await plans.FindAsync(planId, null, ct) is null)
            {
                return Problems.Create(ErrorCodes.PlanNotFound, $"There is no plan '{planId}': save it first (POST /manage/plans).");
            }
        }

        var id = InterviewId.Of(request);
        var (token, expires) = tokens.Issue(InterviewTokens.Join, id, body?.PlanId);
        await audit.RecordAsync(request, Interview.Core.Recruiting.AuditActions.CandidateLink, id, body?.PlanId);
        return TypedResults.Ok(new JoinTokenResponse(id, token, expires, body?.PlanId));
    }
}
