using System.Text.Json;
using Interview.Core.Llm;
using Interview.Core.Plans;
using Interview.Core.Drafting;
using Interview.Functions.Interviewer;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using static Microsoft.AspNetCore.Http.StatusCodes;
using Interview.Functions.Http;

namespace Interview.Functions.Plans;

/// <summary>
/// A plan drafted from a job description, not saved: from the model when the interviewer runs on one (falling back to
/// the offline draft), else offline. The body is the plan itself, ready to edit and POST to /manage/plans.
/// </summary>
public sealed class PlanDraftFunction(PlanDraftService drafts, IServiceProvider services, IOptions<InterviewerOptions> interviewer,
    TimeProvider clock)
{
    private const int MaxBodyBytes = 128 * 1024;

    // JsonElement, so a number or an object is refused as not text (400 invalid_field) rather than failing to bind; only the posting is
    // required.
    public sealed record DraftPlanRequest(JsonElement? JobDescription, JsonElement? Role = null, JsonElement? Seniority = null);

    [Function("DraftPlan")]
    [Access(Credential.Recruiter)]
    [Described("manage", "Draft a complete, valid plan from a job description, not saved: edit it, then POST /manage/plans")]
    [Body("application/json", typeof(DraftPlanRequest))]
    [Returns(Status200OK, typeof(InterviewPlan))]
    [Refuses(Status400BadRequest, Status413PayloadTooLarge, Status415UnsupportedMediaType)]
    public async Task<IResult> DraftAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "manage/plans/draft")] HttpRequest request)
    {
        var ct = request.HttpContext.RequestAborted;
        var (body, problem) =
            await JsonBody.ReadAsync<DraftPlanRequest>(request, MaxBodyBytes, "{job_description, role?, seniority?}", optional: false, ct);
        if (problem is not null)
        {
            return problem;
        }

        // A number or an object where text belongs is "not text", said as such rather than as malformed JSON.
        var fields = new[] { ("job_description", body!.JobDescription), ("role", body.Role), ("seniority", body.Seniority) };
        if (fields.FirstOrDefault(f => f.Item2 is { ValueKind: not (JsonValueKind.String or JsonValueKind.Null) }) is { Item1: { } wrong })
        {
            return Problems.Create(ErrorCodes.InvalidField, $"{wrong} must be text.");
        }

        var input = DraftInput.Check(Text(body.JobDescription), Text(body.Role), Text(body.Seniority));
        if (input.Problem is { } refused)
        {
            return Problems.Create(refused.Failure == DraftInputFailure.TooLong ? ErrorCodes.JobDescriptionTooLong
                : ErrorCodes.InvalidField, refused.Detail);
        }

        var options = interviewer.Value;
        var useModel = options.Brain != InterviewerOptions.Rules;
        // The chat client exists only when a model is configured.
        var model = useModel ? services.GetRequiredService<IChatModel>() : null;
        var draft = await drafts.DraftAsync(input.Request!, model, clock.GetUtcNow() + options.RetryBudget, ct);
        request.HttpContext.Response.Headers[BrowserHeaders.PlanDraftSource] = draft.Source == PlanDraftSource.Model ? "model" : "offline";
        return TypedResults.Text(PlanJson.Write(draft.Plan), "application/json");
    }

    private static string? Text(JsonElement? value) => value is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
}
