using Interview.Core.Plans;
using Interview.Core.Recruiting;
using Interview.Core.Sessions;
using Interview.Functions.Evaluation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using static Microsoft.AspNetCore.Http.StatusCodes;
using Interview.Functions.Http;
using Interview.Functions.Security;
using Interview.Functions.Webhooks;

namespace Interview.Functions.Recruiter;

/// <summary>The recruiter's side of interviews: the list, a person's review next to the AI's scores, and erasure.</summary>
public sealed class RecruiterFunctions(
    IInterviewIndex index, SessionService sessions, IReviewStore reviews, Evaluations evaluations, Erasure erasure, InterviewAccess access,
        RecruiterAudit audit, HiringEvents events,
    TimeProvider clock)
{
    public sealed record InterviewList(IReadOnlyList<IndexEntry> Items, string? Continuation);

    public sealed record ReviewResponse(string InterviewId, RecordedReview Review, int Reviews);

    [Function("ListInterviews")]
    [Access(Credential.Recruiter)]
    [Described("manage", "The interviews, newest first, filtered by status or plan, 50 a page")]
    [Returns(Status200OK, typeof(InterviewList))]
    [Refuses(Status400BadRequest)]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get",
        Route = "manage/interviews")] HttpRequest request)
    {
        var query = request.Query;
        string? status = query["status"], planId = query["plan_id"];
        var paging = PageQuery.Of(query);
        if (status is not (null or "active" or "concluded" or "ended") || planId is not null && !PlanRules.IsPlanId(planId)
            || !paging.Valid)
        {
            return Problems.Create(ErrorCodes.InvalidField, $"status is active, concluded or ended; plan_id a plan id; {PageQuery.Rule}.");
        }

        var page = await index.ListAsync(status, planId, paging.Continuation, paging.Size, request.HttpContext.RequestAborted);
        return TypedResults.Ok(new InterviewList(page.Items, page.Continuation));
    }

    [Function("ReviewInterview")]
    [Access(Credential.Recruiter)]
    [Described("manage", "Record a person's decision and score overrides next to the AI's evaluation; the AI's scores stay. The reviewer " +
        "is the signed-in recruiter (a reviewer in the body is ignored)")]
    [Body("application/json", typeof(Review))]
    [Returns(Status200OK, typeof(ReviewResponse))]
    [Refuses(Status400BadRequest, Status404NotFound, Status409Conflict, Status413PayloadTooLarge, Status415UnsupportedMediaType)]
    public async Task<IResult> ReviewAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/interviews/{interview_id}/review")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        var ct = request.HttpContext.RequestAborted;
        var (review, problem) = await JsonBody.ReadAsync<Review>(request, 32 * 1024, "{decision, overrides: [{competency, score, " +
            "reason}], note}", optional: false, ct);
        if (problem is not null)
        {
            return problem;
        }

        var id = InterviewId.Of(request);
        var session = await sessions.GetAsync(id, ct);
        if (session.Error is { } error)
        {
            return Problems.From(error, session.Detail);
        }

        if ((await evaluations.ReadAsync(client, session.Value!, null, ct)).Report is not { } report)
        {
            return Problems.Create(ErrorCodes.EvaluationNotReady,
                "There is no finished evaluation to review yet; end the interview and wait for its report.");
        }

        if (review!.Problems(report) is { Count: > 0 } problems)
        {
            return Problems.Create(ErrorCodes.InvalidReview, "The review has problems; every one is listed in errors.", problems);
        }

        // Who reviewed is who signed in, never what the body says.
        var actor = access.ActorOf(request.HttpContext);
        var recorded = new RecordedReview(review with { Reviewer = actor.Name }, report.Version, clock.GetUtcNow().UtcDateTime, actor);
        await reviews.AddAsync(id, recorded, ct);
        await audit.RecordAsync(request, AuditActions.Review, id, version: report.Version);
        await events.PublishAsync(client, HiringEvent.ReviewRecordedOf(id, recorded));
        return TypedResults.Ok(new ReviewResponse(id, recorded, (await reviews.ListAsync(id, ct)).Count));
    }

    [Function("EraseInterview")]
    [Access(Credential.Recruiter)]
    [Described("manage", "Erase an interview and everything kept for it (repeatable)")]
    [Returns(Status204NoContent)]
    public async Task<IResult> EraseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "manage/interviews/{interview_id}")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        var id = InterviewId.Of(request);
        await erasure.EraseAsync(client, id, request.HttpContext.RequestAborted);
        await audit.RecordAsync(request, AuditActions.Erase, id);
        return TypedResults.NoContent();
    }
}
