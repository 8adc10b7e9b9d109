using Interview.Core.Recruiting;
using Microsoft.Extensions.Options;
using Interview.Functions.Http;

namespace Interview.Functions.Security;

/// <summary>
/// The recruiter's credential in token mode: an Entra ID access token with the app role (when Entra is configured), or the admin key in
/// X-Admin-Key (only when Security:AdminKey is set, a development credential). Either names an <see cref="Actor"/>; a refusal is 401 (no
/// credential, or one that is not valid here) or 403 (signed in, without the role).
/// </summary>
public sealed class RecruiterCredential(IOptions<SecurityOptions> security, IOptions<EntraOptions> entra, EntraTokens tokens)
{
    public const string AdminHeader = "X-Admin-Key";

    /// <summary><see cref="ByToken"/>: an access token was presented, so no other kind of bearer token can be meant.</summary>
    public sealed record Check(Actor? Actor, IResult? Refusal, bool ByToken);

    public async Task<Check> CheckAsync(HttpContext http)
    {
        if (entra.Value.Enabled && InterviewAccess.Bearer(http) is { } bearer && EntraTokens.IsJwt(bearer))
        {
            var (verdict, actor) = await tokens.CheckAsync(bearer);
            return verdict switch
            {
                EntraTokens.Verdict.Valid => new(actor, null, true),
                EntraTokens.Verdict.LacksRole => new(null, Problems.Create(ErrorCodes.Forbidden,
                    $"You are signed in, but your account does not have the app role {entra.Value.Role}; ask an administrator to assign " +
                        "it."), true),
                _ => new(null, Unauthorized(http,
                    "The access token is not valid here (expired, or not issued for this API); sign in again."), true),
            };
        }

        var presented = http.Request.Headers[AdminHeader].ToString();
        if (presented.Length > 0 && InterviewTokens.SameSecret(presented, security.Value.AdminKeyIfSet))
        {
            return new(Actor.AdminKey, null, false);
        }

        return new(null, Unauthorized(http, presented.Length > 0 ? "The admin key is not valid here." : Ask()), false);
    }

    /// <summary>The admin key in the header, whatever the function: what only the recruiter may see (reviews, failure reasons).</summary>
    public bool HasAdminKey(HttpContext http)
        => InterviewTokens.SameSecret(http.Request.Headers[AdminHeader], security.Value.AdminKeyIfSet);

    private string Ask() => (entra.Value.Enabled, security.Value.AdminKeyIfSet is not null) switch
    {
        (true, true) => "Sign in: send Authorization: Bearer with an Entra ID access token for this API, or the admin key in " +
            $"{AdminHeader}.",
        (true, false) => "Sign in: send Authorization: Bearer with an Entra ID access token for this API.",
        _ => $"Send the admin key in {AdminHeader}.",
    };

    private IResult Unauthorized(HttpContext http, string detail)
    {
        if (entra.Value.Enabled)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return Problems.Create(ErrorCodes.Unauthorized, detail);
    }
}
