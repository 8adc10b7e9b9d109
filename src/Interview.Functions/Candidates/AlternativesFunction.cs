using Interview.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Interview.Functions.Candidates;

/// <summary>The candidates who asked for another way to interview, newest first, for the hiring team to contact.</summary>
public sealed class AlternativesFunction(TableAlternativeRequests alternatives)
{
    public sealed record AlternativeList(IReadOnlyList<AlternativeRequest> Items);

    [Function("ListAlternativeRequests")]
    [Access(Credential.Recruiter)]
    [Described("manage", "The requests for another way to interview, newest first (at most 200)")]
    [Returns(Status200OK, typeof(AlternativeList))]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/alternatives")] HttpRequest request) =>
        TypedResults.Ok(new AlternativeList(await alternatives.ListAsync(200, request.HttpContext.RequestAborted)));
}
