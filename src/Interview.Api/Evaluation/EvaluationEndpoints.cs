using System.Text.Json;
using System.Text.Json.Nodes;
using Interview.Api.Security;
using Interview.Api.Sessions;
using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Interview.Api.Evaluation;

public static class EvaluationEndpoints
{
    public const string QueueFunction = "EvaluateInterview";

    public sealed record EvaluationStatusDto(string InterviewId, int Version, string Status, string? Reason);

    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        var evaluation = app.MapGroup("/session/evaluation").WithTags("evaluation").AddEndpointFilter<InterviewIdFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        evaluation.MapGet("/{interview_id}", GetAsync).WithName("GetEvaluation")
            .AddEndpointFilter(new InterviewAccessFilter(InterviewTokens.Session, allowAdmin: true))
            .Produces<EvaluationReport>()
            .Produces<EvaluationStatusDto>(StatusCodes.Status202Accepted);

        // Re-scoring is the recruiter's call: in token mode only the admin key may ask for it.
        evaluation.MapPost("/{interview_id}/rerun", RerunAsync).WithName("RerunEvaluation")
            .AddEndpointFilter(new InterviewAccessFilter("admin-only", allowAdmin: true))
            .Produces<EvaluationStatusDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict);

        // The Functions host delivers queue messages to a custom handler as POST /{function name}.
        app.MapPost($"/{QueueFunction}", QueueTriggerAsync).WithName(QueueFunction).ExcludeFromDescription();
        return app;
    }

    public static string Location(string interviewId) => $"/session/evaluation/{interviewId}";

    private static async Task<IResult> GetAsync(
        [FromRoute(Name = "interview_id")] string interviewId, IEvaluationStore store, SessionService sessions, EvaluationTrigger trigger, HttpResponse response, CancellationToken ct)
    {
        var record = await store.GetAsync(interviewId, null, ct);
        if (record is null)
        {
            var session = await sessions.GetAsync(interviewId, ct);
            return session.Error is not null
                ? Problems.From(session.Error.Value, session.Detail)
                : Problems.Create(StatusCodes.Status404NotFound, "No evaluation yet", "The interview has not ended; end it with DELETE /session/state/{id} to start the evaluation.", "evaluation_not_started");
        }

        await trigger.RepairIfStuckAsync(record, ct);
        if (record.Status == EvaluationStatus.Completed && record.Report is { } report)
        {
            return TypedResults.Ok(report);
        }

        var status = new EvaluationStatusDto(interviewId, record.Version, record.Status, record.Reason);
        if (record.Status == EvaluationStatus.Failed)
        {
            return TypedResults.Ok(status);
        }

        response.Headers.RetryAfter = "2";
        return TypedResults.Json(status, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> RerunAsync(
        [FromRoute(Name = "interview_id")] string interviewId, SessionService sessions, EvaluationTrigger trigger, CancellationToken ct)
    {
        var session = await sessions.GetAsync(interviewId, ct);
        if (session.Error is { } error)
        {
            return Problems.From(error, session.Detail);
        }

        if (session.Value!.Status == SessionStatus.Active)
        {
            return Problems.Create(StatusCodes.Status409Conflict, "Interview still running", "Only an ended or concluded interview can be evaluated.", "interview_active");
        }

        var version = await trigger.RerunAsync(interviewId, ct);
        return TypedResults.Accepted(Location(interviewId), new EvaluationStatusDto(interviewId, version, EvaluationStatus.Pending, null));
    }

    /// <summary>
    /// The custom-handler invocation of the queueTrigger function: {"Data": {"message": ...}, "Metadata": {"DequeueCount": ...}}.
    /// A non-2xx answer tells the host the delivery failed; it redelivers and, past maxDequeueCount, moves the message to "-poison".
    /// </summary>
    private static async Task<IResult> QueueTriggerAsync(HttpRequest request, EvaluationHandler handler, IOptions<EvaluationOptions> options, CancellationToken ct)
    {
        var invocation = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
        var data = invocation?["Data"]?["message"];
        var body = data is JsonValue value && value.TryGetValue<string>(out var text) ? text : data?.ToJsonString() ?? "";
        var dequeue = invocation?["Metadata"]?["DequeueCount"];
        var count = dequeue is JsonValue d && (d.TryGetValue<int>(out var n) || (d.TryGetValue<string>(out var s) && int.TryParse(s, out n))) ? n : 1;

        var outcome = await handler.HandleAsync(body, count, options.Value.MaxDequeueCount, ct);
        var reply = new { Outputs = new { }, Logs = Array.Empty<string>(), ReturnValue = (object?)null };
        return outcome == EvaluationHandler.Outcome.Done
            ? TypedResults.Json(reply, JsonSerializerOptions.Default)
            : TypedResults.Json(reply, JsonSerializerOptions.Default, statusCode: StatusCodes.Status500InternalServerError);
    }
}
