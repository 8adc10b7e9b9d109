using Interview.Core.Plans;
using Interview.Functions.Http;
using Interview.Functions.Security;
using Interview.Functions.Storage;
using Interview.Functions.Webhooks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Interview.Functions.Candidates;

/// <summary>
/// What a candidate is told before consenting, as New York City's Local Law 144 asks of automated interview tools: an AI
/// conducts and scores the interview, on which competencies, how long the data is kept; and a way to ask for another way to
/// interview, which recruiters see and trackers hear of (<c>alternative.requested</c>). Both take the link's join token.
/// </summary>
public sealed class NoticeFunctions(PlanLibrary plans, TableAlternativeRequests alternatives, HiringEvents events,
    InterviewTokens tokens, IOptions<RetentionOptions> retention, TimeProvider clock)
{
    public sealed record NoticeCompetency(string Name, string Description);

    public sealed record CandidateNotice(string InterviewId, string PlanId, string Role, bool AiConducted, bool AiScored,
        bool HumanReview, IReadOnlyList<NoticeCompetency> Competencies, int RetentionDays, DateTime? AlternativeRequestedAt);

    public sealed record AlternativeBody(string? Note);

    public sealed record AlternativeResponse(string InterviewId, DateTime RequestedAt);

    private const int MaxNote = 2000;

    [Function("GetNotice")]
    [Access(Credential.JoinToken)]
    [Described("session", "Before consent: that an AI conducts and scores the interview, its competencies, how long data is kept")]
    [Returns(Status200OK, typeof(CandidateNotice))]
    [Refuses(Status400BadRequest, Status404NotFound)]
    public async Task<IResult> NoticeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "session/notice/{interview_id}")] HttpRequest request)
    {
        var ct = request.HttpContext.RequestAborted;
        var (plan, problem) = await PlanAsync(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var id = InterviewId.Of(request);
        return TypedResults.Ok(new CandidateNotice(id, plan!.Id, plan.Role, AiConducted: true, AiScored: true, HumanReview: true,
            [.. plan.Competencies.Select(c => new NoticeCompetency(c.Name, c.Description))], retention.Value.Days,
            (await alternatives.GetAsync(id, ct))?.RequestedAt));
    }

    [Function("RequestAlternative")]
    [Access(Credential.JoinToken)]
    [Described("session", "Ask for another way to interview (repeatable: the first request is kept)")]
    [Body("application/json", typeof(AlternativeBody), Required = false, Description = "Optional: a note for the hiring team.")]
    [Returns(Status202Accepted, typeof(AlternativeResponse))]
    [Refuses(Status400BadRequest, Status404NotFound, Status413PayloadTooLarge, Status415UnsupportedMediaType)]
    public async Task<IResult> AlternativeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "session/alternative/{interview_id}")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        var ct = request.HttpContext.RequestAborted;
        var (body, problem) = await JsonBody.ReadAsync<AlternativeBody>(request, 16 * 1024, "{note}", optional: true, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (body?.Note is { Length: > MaxNote })
        {
            return Problems.Create(ErrorCodes.InvalidField, $"note: at most {MaxNote} characters.");
        }

        var (plan, unknown) = await PlanAsync(request, ct);
        if (unknown is not null)
        {
            return unknown;
        }

        var id = InterviewId.Of(request);
        var note = string.IsNullOrWhiteSpace(body?.Note) ? null : body.Note.Trim();
        var kept = await alternatives.AddAsync(new AlternativeRequest(id, plan!.Id, clock.GetUtcNow().UtcDateTime, note), ct);
        await events.PublishAsync(client, HiringEvent.AlternativeRequestedOf(id, kept.RequestedAt));
        return TypedResults.Accepted((string?)null, new AlternativeResponse(id, kept.RequestedAt));
    }

    /// <summary>The plan of the link (its join token's, in token mode), else <c>?plan_id=</c>, else the default.</summary>
    private async Task<(InterviewPlan?, IResult?)> PlanAsync(HttpRequest request, CancellationToken ct)
    {
        var planId = tokens.LinkedPlan(request.HttpContext) ?? request.Query["plan_id"].FirstOrDefault() ?? PlanCatalog.DefaultPlanId;
        if (!PlanRules.IsPlanId(planId))
        {
            return (null, Problems.Create(ErrorCodes.InvalidField, "plan_id is a plan id."));
        }

        return await plans.FindAsync(planId, null, ct) is { } found
            ? (found.Plan, null)
            : (null, Problems.Create(ErrorCodes.PlanNotFound, $"There is no interview plan '{planId}'."));
    }
}
