using System.Globalization;
using System.Text;
using Interview.Core.Recruiting;
using Interview.Core.Sessions;
using Interview.Functions.Candidates;
using Interview.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Interview.Functions.Recruiter;

/// <summary>
/// Whether selection rates differ between groups (New York City's Local Law 144 bias audit): the interviews of the window,
/// each with what its candidate told (kept apart), the team's latest decision and the AI's recommendation
/// (<see cref="AdverseImpact"/>). <c>?format=csv</c> gives the same as a CSV to file with an audit.
/// </summary>
public sealed class AdverseImpactFunction(IInterviewIndex index, IReviewStore reviews, TableDemographics demographics)
{
    [Function("AdverseImpact")]
    [Access(Credential.Recruiter)]
    [Described("manage", "Selection rates and impact ratios by sex, race/ethnicity and both (?plan_id=&from=&to=&format=csv)")]
    [Returns(Status200OK, typeof(AdverseImpactReport))]
    [Refuses(Status400BadRequest)]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/adverse-impact")] HttpRequest request)
    {
        var format = request.Query["format"].FirstOrDefault() ?? "json";
        if (InterviewWindow.Of(request.Query) is not { } window || format is not ("json" or "csv"))
        {
            return Problems.Create(ErrorCodes.InvalidField, InterviewWindow.Rule + " format is json or csv.");
        }

        var ct = request.HttpContext.RequestAborted;
        var told = await demographics.AllAsync(ct);
        var candidates = new List<AuditedCandidate>();
        await foreach (var entry in window.EntriesAsync(index, ct))
        {
            var decision = (await reviews.ListAsync(entry.InterviewId, ct)) is [.., var latest] ? latest.Review.Decision : null;
            candidates.Add(new AuditedCandidate(told.GetValueOrDefault(entry.InterviewId), decision, entry.Recommendation));
        }

        var report = AdverseImpact.Of(candidates);
        return format == "csv" ? TypedResults.Text(Csv(report), "text/csv; charset=utf-8") : TypedResults.Ok(report);
    }

    private static string Csv(AdverseImpactReport report)
    {
        var csv = new StringBuilder("grouping,category,candidates,advanced,selection_rate,impact_ratio,ai_selected,ai_selection_rate,"
            + "ai_impact_ratio,small_sample\r\n");
        foreach (var (grouping, rows) in new[] { ("sex", report.Sex), ("race_ethnicity", report.RaceEthnicity),
            ("intersectional", report.Intersectional) })
        {
            foreach (var r in rows)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{grouping},{r.Category},{r.Candidates},{r.Advanced},{F(r.SelectionRate)},")
                    .Append(CultureInfo.InvariantCulture, $"{F(r.ImpactRatio)},{r.AiSelected},{F(r.AiSelectionRate)},{F(r.AiImpactRatio)},")
                    .Append(r.SmallSample ? "true" : "false").Append("\r\n");
            }
        }

        return csv.Append(CultureInfo.InvariantCulture, $"unknown,,{report.Unknown},,,,,,,\r\n").ToString();
    }

    private static string F(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
}
