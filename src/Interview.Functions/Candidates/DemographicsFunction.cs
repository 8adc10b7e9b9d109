using Interview.Core.Recruiting;
using Interview.Core.Sessions;
using Interview.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Interview.Functions.Candidates;

/// <summary>
/// After consent, a candidate may say their sex and race/ethnicity (each may be "prefer not to say"), for the hiring team's
/// adverse-impact report only: stored apart from the interview (<see cref="TableDemographics"/>). Answering again replaces it.
/// </summary>
public sealed class DemographicsFunction(TableDemographics demographics, SessionService sessions)
{
    public sealed record DemographicsBody(string? Sex, string? RaceEthnicity);

    [Function("RecordDemographics")]
    [Access(Credential.SessionToken)]
    [Described("session", "Optional, after consent: the candidate's sex and race/ethnicity for the adverse-impact report, kept apart")]
    [Body("application/json", typeof(DemographicsBody))]
    [Returns(Status204NoContent)]
    [Refuses(Status400BadRequest, Status404NotFound, Status413PayloadTooLarge, Status415UnsupportedMediaType)]
    public async Task<IResult> RecordAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "session/demographics/{interview_id}")] HttpRequest request)
    {
        var ct = request.HttpContext.RequestAborted;
        var (body, problem) = await JsonBody.ReadAsync<DemographicsBody>(request, 4 * 1024, "{sex, race_ethnicity}", optional: false, ct);
        if (problem is not null)
        {
            return problem;
        }

        var told = new Demographics(body!.Sex ?? "", body.RaceEthnicity ?? "");
        if (!told.IsValid)
        {
            return Problems.Create(ErrorCodes.InvalidField, $"sex is one of {string.Join(", ", Demographics.SexCategories)}; "
                + $"race_ethnicity one of {string.Join(", ", Demographics.RaceEthnicityCategories)}.");
        }

        var id = InterviewId.Of(request);
        if ((await sessions.GetAsync(id, ct)).Error is { } error)
        {
            return Problems.From(error, "There is no such interview.");
        }

        await demographics.SaveAsync(id, told, ct);
        return TypedResults.NoContent();
    }
}
