using Interview.Core.Recruiting;
using Microsoft.Extensions.Options;
using Interview.Functions.Http;

namespace Interview.Functions.Security;

/// <summary>
/// In token mode, lets a request through only with a valid credential for the interview in the route, as its function's
/// <see cref="AccessAttribute"/> asks: 401 without a usable one (with <c>WWW-Authenticate: Bearer</c> for tokens), 403 with a
/// valid token for another interview or a recruiter without the app role. The recruiter who got through is the request's
/// <see cref="Actor"/>. Open mode lets everything through. Tokens and keys are never logged.
/// </summary>
public sealed class InterviewAccess(IOptions<SecurityOptions> options, InterviewTokens tokens, RecruiterCredential recruiters)
{
    public const string AdminHeader = RecruiterCredential.AdminHeader;
    private static readonly object ActorKey = typeof(Actor);

    public async Task<IResult?> CheckAsync(HttpContext http, AccessAttribute? access)
    {
        var o = options.Value;
        if (access is null || access.Credential == Credential.Anyone || !o.RequiresTokens)
        {
            return null;
        }

        if (access.Credential == Credential.Recruiter || access.OrRecruiter)
        {
            var recruiter = await recruiters.CheckAsync(http);
            if (recruiter.Actor is { } actor)
            {
                http.Items[ActorKey] = actor;
                return null;
            }

            if (access.Credential == Credential.Recruiter || recruiter.ByToken)
            {
                return recruiter.Refusal;
            }
        }

        var kind = access.Credential == Credential.JoinToken ? InterviewTokens.Join : InterviewTokens.Session;
        var id = (string?)http.Request.RouteValues[HttpFunction.InterviewIdParameter] ?? "";
        var verdict = tokens.Check(Bearer(http), kind, id);
        return verdict switch
        {
            InterviewTokens.Verdict.Valid => null,
            InterviewTokens.Verdict.OtherInterview => Problems.Create(ErrorCodes.Forbidden, "This token belongs to another interview."),
            _ => Unauthorized(http, kind, verdict),
        };
    }

    /// <summary>
    /// The caller may see what only the recruiter sees (reviews, failure reasons): a recruiter the check let through, the admin key on any
    /// function, or anyone when open.
    /// </summary>
    public bool IsRecruiter(HttpContext http) => !options.Value.RequiresTokens || http.Items.ContainsKey(ActorKey)
        || recruiters.HasAdminKey(http);

    /// <summary>Who is acting: the recruiter the check let through, or the open-mode stand-in.</summary>
    public Actor ActorOf(HttpContext http) =>
        http.Items.TryGetValue(ActorKey, out var actor) && actor is Actor known ? known
        : options.Value.RequiresTokens ? throw new InvalidOperationException("No recruiter was checked for this function.")
            : Core.Recruiting.Actor.OpenMode;

    public static string? Bearer(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static IResult Unauthorized(HttpContext http, string kind, InterviewTokens.Verdict verdict)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        var what = kind == InterviewTokens.Join ? "a join token from the recruiter" : "the session token that start returned";
        var detail = verdict switch
        {
            InterviewTokens.Verdict.Expired => $"The token has expired; ask for {what} again.",
            InterviewTokens.Verdict.Missing => $"Send Authorization: Bearer with {what}.",
            _ => $"The token is not valid here; send {what}.",
        };
        return Problems.Create(ErrorCodes.Unauthorized, detail);
    }
}
