using Interview.Api.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Interview.Api.Security;

public static class AdminEndpoints
{
    public sealed record JoinTokenResponse(string InterviewId, string JoinToken, DateTimeOffset ExpiresAt);

    /// <summary>
    /// The recruiter side's door: a join token for one interview, issued against the admin key (X-Admin-Key). In Azure
    /// its function also requires a Functions key (authLevel function).
    /// </summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/interviews/{interview_id}/join-token", IssueJoinToken).WithName("IssueJoinToken").WithTags("admin")
            .AddEndpointFilter<InterviewIdFilter>()
            .Produces<JoinTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static IResult IssueJoinToken(
        [FromRoute(Name = "interview_id")] string interviewId, [FromHeader(Name = InterviewAccessFilter.AdminHeader)] string? adminKey,
        IOptions<SecurityOptions> options, InterviewTokens tokens)
    {
        if (!options.Value.RequiresTokens)
        {
            return Problems.Create(StatusCodes.Status409Conflict, "Security is open", "Security:Mode is open: interviews need no tokens.", "security_open");
        }

        if (!InterviewTokens.SameSecret(adminKey, options.Value.AdminKey))
        {
            return Problems.Create(StatusCodes.Status401Unauthorized, "Admin key required", $"Send the admin key in {InterviewAccessFilter.AdminHeader}.", "unauthorized");
        }

        var (token, expires) = tokens.Issue(InterviewTokens.Join, interviewId);
        return TypedResults.Ok(new JoinTokenResponse(interviewId, token, expires));
    }
}
