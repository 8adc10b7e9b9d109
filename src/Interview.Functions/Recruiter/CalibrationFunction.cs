using Interview.Core.Evaluation;
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
    [Function("Calibration")]
    [Access(Credential.Recruiter)]
    [Described("manage", "The AI's scores against the reviewers' (?plan_id=&from=&to=): agreement, kappa, recommendation vs decision")]
    [Returns(Status200OK, typeof(CalibrationReport))]
    [Refuses(Status400BadRequest)]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/calibration")] HttpRequest request)
    {
        if (InterviewWindow.Of(request.Query) is not { } window)
        {
            return Problems.Create(ErrorCodes.InvalidField, InterviewWindow.Rule);
        }

        var ct = request.HttpContext.RequestAborted;
        var reviewed = new List<ReviewedEvaluation>();
        await foreach (var entry in window.EntriesAsync(index, ct))
        {
            if ((await reviews.ListAsync(entry.InterviewId, ct)) is [.., var latest]
                && await reports.GetAsync(entry.InterviewId, latest.EvaluationVersion, ct) is { } report)
            {
                reviewed.Add(new ReviewedEvaluation(report, latest.Review));
            }
        }

        return TypedResults.Ok(Calibration.Of(reviewed));
    }
}
