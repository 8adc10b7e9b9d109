using Interview.Core.Domain;
using Interview.Core.Evaluation;
using System.Text.Json;
using System.Text.Json.Nodes;
using Interview.Core.Recruiting;
using Interview.Core.Sessions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using static Microsoft.AspNetCore.Http.StatusCodes;
using Interview.Functions.Http;
using Interview.Functions.Security;

namespace Interview.Functions.Evaluation;

/// <summary>The report of an ended interview, and a rerun that scores it again as a new version.</summary>
public sealed class EvaluationFunctions(
    SessionService sessions, Evaluations evaluations, IReviewStore reviews, InterviewAccess access, RecruiterAudit audit,
        IOptions<JsonOptions> json)
{
    public const string FailedForCandidate = "The evaluation could not be completed. The recruiting team can see why and run it again.";

    public static string Location(string interviewId) => $"/session/evaluation/{interviewId}";

    [Function("GetEvaluation")]
    [Access(Credential.SessionToken, OrRecruiter = true)]
    [Described("evaluation",
        "The evaluation report (latest, or ?version=n); 202 with progress while it runs. For the recruiter, human reviews beside it")]
    [Returns(Status200OK, typeof(EvaluationReport))]
    [Returns(Status202Accepted, typeof(EvaluationStatusDto))]
    [Refuses(Status400BadRequest, Status404NotFound)]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "session/evaluation/{interview_id}")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        var ct = request.HttpContext.RequestAborted;
        int? version = null;
        if (request.Query.TryGetValue("version", out var asked))
        {
            if (!int.TryParse(asked, out var n) || n < 1)
            {
                return Problems.Create(ErrorCodes.InvalidField, "'version' must be a positive whole number.");
            }

            version = n;
        }

        var session = await sessions.GetAsync(InterviewId.Of(request), ct);
        if (session.Error is { } error)
        {
            return Problems.From(error, session.Detail);
        }

        var view = await evaluations.ReadAsync(client, session.Value!, version, ct);
        if (view.Report is { } report)
        {
            return access.IsRecruiter(request.HttpContext) ? TypedResults.Ok(await WithReviewsAsync(report, ct)) : TypedResults.Ok(report);
        }

        if (view.Status is not { } status)
        {
            return Problems.Create(ErrorCodes.EvaluationNotStarted, version is null
                ? "The interview has not ended; end it with DELETE /session/state/{id} to start the evaluation."
                : $"There is no evaluation version {version}.");
        }

        if (status.Status == EvaluationStatus.Failed)
        {
            // The failure's own words are for the recruiter (who can rerun it); they may name internals a candidate has no use for.
            return TypedResults.Ok(access.IsRecruiter(request.HttpContext) ? status : status with { Reason = FailedForCandidate });
        }

        request.HttpContext.Response.Headers.RetryAfter = "2";
        return TypedResults.Json(status, statusCode: Status202Accepted);
    }

    /// <summary>For the recruiter: the AI's report as it was, and beside it the latest human review and every earlier one.</summary>
    private async Task<JsonObject> WithReviewsAsync(EvaluationReport report, CancellationToken ct)
    {
        var options = json.Value.SerializerOptions;
        var body = JsonSerializer.SerializeToNode(report, options)!.AsObject();
        var history = await reviews.ListAsync(report.InterviewId, ct);
        body["human_review"] = JsonSerializer.SerializeToNode(new { latest = history.LastOrDefault(), history }, options);
        return body;
    }

    // Re-scoring is the recruiter's call: in token mode only the recruiter may ask for it.
    [Function("RerunEvaluation")]
    [Access(Credential.Recruiter)]
    [Described("evaluation", "Evaluate again as a new version; earlier reports are kept")]
    [Returns(Status202Accepted, typeof(EvaluationStatusDto))]
    [Refuses(Status404NotFound, Status409Conflict)]
    public async Task<IResult> RerunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "session/evaluation/{interview_id}/rerun")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        var ct = request.HttpContext.RequestAborted;
        var id = InterviewId.Of(request);
        var result = await sessions.RequestEvaluationAsync(id, ct);
        if (result.Error is { } error)
        {
            return Problems.From(error, result.Detail);
        }

        await evaluations.StartAsync(client, result.Value!, ct);
        var version = result.Value!.EvaluationVersion;
        await audit.RecordAsync(request, AuditActions.Rerun, id, version: version);
        return TypedResults.Accepted($"{Location(id)}?version={version}",
            new EvaluationStatusDto(id, version, EvaluationStatus.Pending, null, null, EvaluationRequest.InstanceIdFor(id, version),
                DateTimeOffset.UtcNow));
    }
}
