using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Interview.Core.Plans;
using Microsoft.Azure.Functions.Worker;
using static Microsoft.AspNetCore.Http.StatusCodes;
using Interview.Functions.Http;
using Interview.Functions.Security;

namespace Interview.Functions.Plans;

/// <summary>
/// Plans as data for recruiters: list, read (latest or a version) and save them in the built-in plans' JSON shape (<see
/// cref="PlanDraftFunction"/> drafts one). A saved plan is a new version; running interviews keep the one they pinned.
/// </summary>
public sealed partial class PlanFunctions(PlanLibrary plans, IPlanStore store, RecruiterAudit audit)
{
    private const int MaxPlanBytes = 256 * 1024;

    public sealed record PlanList(IReadOnlyList<PlanListing> Items);

    public sealed record SavedPlan(string PlanId, int Version);

    [Function("ListPlans")]
    [Access(Credential.Recruiter)]
    [Described("manage", "The built-in plans and the ones recruiters saved, each with its latest version")]
    [Returns(Status200OK, typeof(PlanList))]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/plans")] HttpRequest request) =>
        TypedResults.Ok(new PlanList(await plans.ListAsync(request.HttpContext.RequestAborted)));

    [Function("GetPlan")]
    [Access(Credential.Recruiter)]
    [Described("manage", "One plan in the shape POST /manage/plans takes: the latest version, or ?version=n")]
    [Returns(Status200OK, typeof(InterviewPlan))]
    [Refuses(Status400BadRequest, Status404NotFound)]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get",
        Route = "manage/plans/{plan_id}")] HttpRequest request)
    {
        var id = request.RouteValues["plan_id"] as string ?? "";
        int? version = null;
        if (request.Query.TryGetValue("version", out var asked))
        {
            if (!int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                return Problems.Create(ErrorCodes.InvalidField,
                    "version is a whole number: 0 for a built-in plan, 1 and up for a saved one.");
            }

            version = v;
        }

        if (!PlanRules.IsPlanId(id) || await plans.FindAsync(id, version, request.HttpContext.RequestAborted) is not { } found)
        {
            return Problems.Create(ErrorCodes.PlanNotFound,
                $"There is no plan '{Shorten(id)}'{(version is null ? "" : $" version {version}")}; GET /manage/plans lists them.");
        }

        request.HttpContext.Response.Headers[BrowserHeaders.PlanVersion] = found.Version.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Text(PlanJson.Write(found.Plan), "application/json");
    }

    [Function("SavePlan")]
    [Access(Credential.Recruiter)]
    [Described("manage", "Save a plan as the next version of its id; every problem is listed at once when it is not valid")]
    [Body("application/json", typeof(InterviewPlan))]
    [Returns(Status201Created, typeof(SavedPlan))]
    [Refuses(Status400BadRequest, Status409Conflict, Status413PayloadTooLarge, Status415UnsupportedMediaType)]
    public async Task<IResult> SaveAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/plans")] HttpRequest request)
    {
        var ct = request.HttpContext.RequestAborted;
        var (body, problem) = await JsonBody.ReadAsync<JsonElement>(request, MaxPlanBytes, "a plan, as GET /manage/plans/{plan_id} " +
            "returns it", optional: false, ct, maxDepth: 16);
        if (problem is not null)
        {
            return problem;
        }

        var (plan, unreadable) = Read(body);
        if (plan is null)
        {
            return Problems.Create(ErrorCodes.InvalidPlan, "The body is not a plan; the problem is in errors.", [unreadable!]);
        }

        if (PlanRules.Problems(plan) is { Count: > 0 } problems)
        {
            return Problems.Create(ErrorCodes.InvalidPlan, "The plan has problems; every one is listed in errors.", problems);
        }

        if (plans.IsBuiltIn(plan.Id))
        {
            return Problems.Create(ErrorCodes.PlanIdReserved, $"'{plan.Id}' is a built-in plan; save your edit under an id of its own.");
        }

        var version = await store.AddAsync(plan, ct);
        await audit.RecordAsync(request, Interview.Core.Recruiting.AuditActions.PlanSave, planId: plan.Id, version: version);
        return TypedResults.Created($"/manage/plans/{plan.Id}?version={version}", new SavedPlan(plan.Id, version));
    }

    /// <summary>The plan, or why the body is not one at all (a missing or mistyped property).</summary>
    private static (InterviewPlan? Plan, string? Problem) Read(JsonElement body)
    {
        try
        {
            return (PlanJson.Parse(body.GetRawText()), null);
        }
        catch (JsonException ex)
        {
            // The serializer's message names internal types; what a recruiter needs is which properties, and where.
            var missing = MissingProperties().Match(ex.Message);
            var where = ex.Path is { Length: > 1 } path ? $" at {path}" : "";
            return (null, missing.Success ? $"missing required properties{where}: {missing.Groups[1].Value}"
                : $"not a plan{where}: a property has the wrong type or is null");
        }
    }

    private static string Shorten(string id) => id.Length <= 64 ? id : id[..64] + "…";

    [GeneratedRegex(@"missing required properties including: (.+?)\.?$")]
    private static partial Regex MissingProperties();
}
