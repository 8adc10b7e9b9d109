using Interview.Functions.Edge;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Interview.Functions.Security;

/// <summary>
/// The recruiter side's door: a join token for one interview, issued against the admin key (X-Admin-Key). In Azure
/// the function also requires a Functions key (authLevel function).
/// </summary>
public sealed class AdminFunctions(IOptions<SecurityOptions> options, InterviewTokens tokens)
{
    public sealed record JoinTokenResponse(string InterviewId, string JoinToken, DateTimeOffset ExpiresAt);

    [Function("IssueJoinToken")]
    [Access(Credential.AdminKey)]
    [Described("admin", "Issue a join token for one interview (token mode)")]
    [Returns(Status200OK, typeof(JoinTokenResponse))]
    [Refuses(Status409Conflict)]
    public Task<IResult> IssueJoinTokenAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "admin/interviews/{interview_id}/join-token")] HttpRequest request)
    {
        if (!options.Value.RequiresTokens)
        {
            return Task.FromResult(Problems.Create(ErrorCodes.SecurityOpen, "Security:Mode is open: interviews need no tokens."));
        }

        var id = InterviewId.Of(request);
        var (token, expires) = tokens.Issue(InterviewTokens.Join, id);
        return Task.FromResult<IResult>(TypedResults.Ok(new JoinTokenResponse(id, token, expires)));
    }
}
