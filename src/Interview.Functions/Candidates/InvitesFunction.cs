using System.Security.Cryptography;
using Interview.Core.Plans;
using Interview.Core.Recruiting;
using Interview.Functions.Http;
using Interview.Functions.Security;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Interview.Functions.Candidates;

/// <summary>
/// Candidate links in bulk: a CSV or JSON list of candidates in, a join token per row out (a new interview id each, the row's
/// plan fixed in the token), for the recruiter page to turn into links and a CSV to download. All or nothing: one bad row
/// and nothing is issued.
/// </summary>
public sealed class InvitesFunction(IOptions<SecurityOptions> security, InterviewTokens tokens, PlanLibrary plans, RecruiterAudit audit,
    TimeProvider clock)
{
    public sealed record InviteBatch(IReadOnlyList<Invite>? Invites);

    public sealed record IssuedInvite(string Name, string? Email, string PlanId, string InterviewId, string JoinToken,
        DateTimeOffset ExpiresAt);

    public sealed record InviteList(IReadOnlyList<IssuedInvite> Items);

    private const int MaxBodyBytes = 256 * 1024;

    [Function("InviteCandidates")]
    [Access(Credential.Recruiter)]
    [Described("manage", "Join links in bulk: {invites: [{name, email, plan_id, expires_at}]} or a CSV with those columns")]
    [Body("application/json", typeof(InviteBatch), Description = "Or the same as text/csv: a header row naming name, plan_id and "
        + "optionally email and expires_at, then a row per candidate (at most 500).")]
    [Returns(Status200OK, typeof(InviteList))]
    [Refuses(Status400BadRequest, Status409Conflict, Status413PayloadTooLarge, Status415UnsupportedMediaType)]
    public async Task<IResult> InviteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/invites")] HttpRequest request)
    {
        if (!security.Value.RequiresTokens)
        {
            return Problems.Create(ErrorCodes.SecurityOpen, "Security:Mode is open: interviews need no links.");
        }

        var ct = request.HttpContext.RequestAborted;
        var (read, problem) = await ReadAsync(request, ct);
        if (read is not { } invites)
        {
            return problem!;
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var planId in invites.Select(i => i.PlanId).OfType<string>().Where(PlanRules.IsPlanId).Distinct())
        {
            if (await plans.FindAsync(planId, null, ct) is not null)
            {
                known.Add(planId);
            }
        }

        var now = clock.GetUtcNow();
        if (InviteRows.Problems(invites, known, now) is { Count: > 0 } problems)
        {
            return Problems.Create(ErrorCodes.InvalidField, "Some rows have problems; every one is listed in errors. Nothing was issued.",
                problems);
        }

        var issued = new List<IssuedInvite>();
        foreach (var invite in invites)
        {
            var id = "inv-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
            var (token, expires) = tokens.Issue(InterviewTokens.Join, id, invite.PlanId, InviteRows.Expiry(invite.ExpiresAt));
            issued.Add(new IssuedInvite(invite.Name!.Trim(), invite.Email, invite.PlanId!, id, token, expires));
            await audit.RecordAsync(request, AuditActions.CandidateLink, id, invite.PlanId);
        }

        return TypedResults.Ok(new InviteList(issued));
    }

    private static async Task<(List<Invite>?, IResult?)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) != true)
        {
            var (batch, problem) = await JsonBody.ReadAsync<InviteBatch>(request, MaxBodyBytes,
                "{invites: [{name, email, plan_id, expires_at}]}, or text/csv", optional: false, ct);
            return problem is not null ? (null, problem) : ([.. batch!.Invites ?? []], null);
        }

        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxBodyBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        if (read > MaxBodyBytes)
        {
            return (null, Problems.Create(ErrorCodes.BodyTooLarge, $"The CSV is limited to {MaxBodyBytes} bytes."));
        }

        var (invites, unreadable) = InviteRows.FromCsv(new string(buffer, 0, read));
        return unreadable is null ? (invites, null) : (null, Problems.Create(ErrorCodes.MalformedBody, unreadable));
    }
}
