using Interview.Api.Sessions;
using Microsoft.Extensions.Options;

namespace Interview.Api.Security;

/// <summary>
/// In token mode, lets a request through only with a valid token of <paramref name="kind"/> for the interview in the
/// route (or, where <paramref name="allowAdmin"/>, the admin key): 401 without a usable token, 403 with a valid token
/// for another interview. Open mode lets everything through. Tokens are never logged.
/// </summary>
internal sealed class InterviewAccessFilter(string kind, bool allowAdmin = false) : IEndpointFilter
{
    public const string AdminHeader = "X-Admin-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (!options.RequiresTokens || (allowAdmin && InterviewTokens.SameSecret(http.Request.Headers[AdminHeader], options.AdminKey)))
        {
            return await next(context);
        }

        var id = (string)http.Request.RouteValues[InterviewIdFilter.RouteKey]!;
        var verdict = http.RequestServices.GetRequiredService<InterviewTokens>().Check(Bearer(http), kind, id);
        return verdict switch
        {
            InterviewTokens.Verdict.Valid => await next(context),
            InterviewTokens.Verdict.OtherInterview => Problems.Create(StatusCodes.Status403Forbidden, "Not your interview",
                "This token belongs to another interview.", "forbidden"),
            _ => Unauthorized(http, verdict),
        };
    }

    public static string? Bearer(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private IResult Unauthorized(HttpContext http, InterviewTokens.Verdict verdict)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        var what = kind switch
        {
            InterviewTokens.Join => "a join token from the recruiter",
            InterviewTokens.Session => "the session token that start returned",
            _ => $"the admin key in {AdminHeader}",
        };
        var detail = verdict switch
        {
            InterviewTokens.Verdict.Expired => $"The token has expired; ask for {what} again.",
            InterviewTokens.Verdict.Missing => $"Send Authorization: Bearer with {what}.",
            _ => $"The token is not valid here; send {what}.",
        };
        return Problems.Create(StatusCodes.Status401Unauthorized, "Authentication required", detail, "unauthorized");
    }
}
