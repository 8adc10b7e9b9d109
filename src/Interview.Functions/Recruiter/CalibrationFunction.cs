using System.Globalization;
using Interview.Core.Evaluation;
using Interview.Core.Plans;
using Interview.Core.Recruiting;
using Microsoft.Azure.Functions.Worker;
using static Microsoft.AspNetCore.Http.StatusCodes;
using Interview.Core.Sessions;
using Interview.Functions.Http;

namespace Interview.Functions.Recruiter;

/// <summary>
/// How the AI's scores agree with the hiring team's reviews: every listed interview of the plan started in [from, to)
/// whose latest review exists is compared with the evaluation version that review was about (<see cref="Calibration"/>).
/// </summary>
public sealed class CalibrationFunction(IInterviewIndex index, IReviewStore reviews, IEvaluationStore reports)
{
    // The list is read a page at a time, newest first; this many interviews at most go into one answer.
    private const int MostInterviews = 5000;

    [Function("Calibration")]
    [Access(Credential.Recruiter)]
    [Described("manage", "The AI's scores against the reviewers' (?plan_id=&from=&to=): agreement, kappa, recommendation vs decision")]
    [Returns(Status200OK, typeof(CalibrationReport))]
    [Refuses(Status400BadRequest)]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/calibration")] HttpRequest request)
    {
        string? planId = request.Query["plan_id"];
        var (from, fromOk) = Date(request.Query["from"]);
        var (to, toOk) = Date(request.Query["to"]);
        if (planId is not null && !PlanRules.IsPlanId(planId) || !fromOk || !toOk)
        {
            return Problems.Create(ErrorCodes.InvalidField,
                "plan_id is a plan id; from and to are dates (2026-01-31) or UTC times, to excluded.");
        }

        var ct = request.HttpContext.RequestAborted;
        var reviewed = new List<ReviewedEvaluation>();
        await foreach (var entry in InterviewsAsync(planId, ct))
        {
            if (entry.StartedAt < (from ?? DateTime.MinValue) || entry.StartedAt >= (to ?? DateTime.MaxValue))
            {
                continue;
            }

            if ((await reviews.ListAsync(entry.InterviewId, ct)) is [.., var latest]
                && await reports.GetAsync(entry.InterviewId, latest.EvaluationVersion, ct) is { } report)
            {
                reviewed.Add(new ReviewedEvaluation(report, latest.Review));
            }
        }

        return TypedResults.Ok(Calibration.Of(reviewed));
    }

    private async IAsyncEnumerable<IndexEntry> InterviewsAsync(
        string? planId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? continuation = null;
        var seen = 0;
        do
        {
            var page = await index.ListAsync(null, planId, continuation, 200, ct);
            foreach (var entry in page.Items.Take(MostInterviews - seen))
            {
                seen++;
                yield return entry;
            }

            continuation = page.Continuation;
        }
        while (continuation is not null && seen < MostInterviews);
    }

    private static (DateTime? Value, bool Valid) Date(string? text) =>
        text is null ? (null, true)
        : DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
            out var at) ? (at, true) : (null, false);
}
