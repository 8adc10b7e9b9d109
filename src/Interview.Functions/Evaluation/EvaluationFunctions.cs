using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Sessions;
using Interview.Functions.Edge;
using Microsoft.Azure.Functions.Worker;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Interview.Functions.Evaluation;

/// <summary>The report of an ended interview, and a rerun that scores it again as a new version.</summary>
public sealed class EvaluationFunctions(IEvaluationStore store, SessionService sessions, EvaluationTrigger trigger)
{
    public sealed record EvaluationStatusDto(string InterviewId, int Version, string Status, string? Reason);

    public static string Location(string interviewId) => $"/session/evaluation/{interviewId}";

    [Function("GetEvaluation")]
    [Access(Credential.SessionToken, OrAdminKey = true)]
    [Described("evaluation", "The latest evaluation report; 202 while it runs")]
    [Returns(Status200OK, typeof(EvaluationReport))]
    [Returns(Status202Accepted, typeof(EvaluationStatusDto))]
    [Refuses(Status404NotFound)]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "session/evaluation/{interview_id}")] HttpRequest request)
    {
        var ct = request.HttpContext.RequestAborted;
        var id = InterviewId.Of(request);
        var record = await store.GetAsync(id, null, ct);
        if (record is null)
        {
            var session = await sessions.GetAsync(id, ct);
            return session.Error is not null
                ? Problems.From(session.Error.Value, session.Detail)
                : Problems.Create(ErrorCodes.EvaluationNotStarted, "The interview has not ended; end it with DELETE /session/state/{id} to start the evaluation.");
        }

        await trigger.RepairIfStuckAsync(record, ct);
        if (record.Status == EvaluationStatus.Completed && record.Report is { } report)
        {
            return TypedResults.Ok(report);
        }

        var status = new EvaluationStatusDto(id, record.Version, record.Status, record.Reason);
        if (record.Status == EvaluationStatus.Failed)
        {
            return TypedResults.Ok(status);
        }

        request.HttpContext.Response.Headers.RetryAfter = "2";
        return TypedResults.Json(status, statusCode: Status202Accepted);
    }

    // Re-scoring is the recruiter's call: in token mode only the admin key may ask for it.
    [Function("RerunEvaluation")]
    [Access(Credential.AdminKey)]
    [Described("evaluation", "Evaluate again as a new version; earlier reports are kept")]
    [Returns(Status202Accepted, typeof(EvaluationStatusDto))]
    [Refuses(Status404NotFound, Status409Conflict)]
    public async Task<IResult> RerunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "session/evaluation/{interview_id}/rerun")] HttpRequest request)
    {
        var ct = request.HttpContext.RequestAborted;
        var id = InterviewId.Of(request);
        var session = await sessions.GetAsync(id, ct);
        if (session.Error is { } error)
        {
            return Problems.From(error, session.Detail);
        }

        if (session.Value!.Status == SessionStatus.Active)
        {
            return Problems.Create(ErrorCodes.InterviewActive, "Only an ended or concluded interview can be evaluated.");
        }

        var version = await trigger.RerunAsync(id, ct);
        return TypedResults.Accepted(Location(id), new EvaluationStatusDto(id, version, EvaluationStatus.Pending, null));
    }
}
