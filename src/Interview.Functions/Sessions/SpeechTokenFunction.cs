using Interview.Core.Plans;
using Interview.Core.Sessions;
using Interview.Core.Speech;
using Interview.Functions.Speech.Live;
using Microsoft.Azure.Functions.Worker;
using static Microsoft.AspNetCore.Http.StatusCodes;
using Interview.Functions.Http;

namespace Interview.Functions.Sessions;

/// <summary>
/// A short-lived Azure AI Speech token for the candidate's page, with the interview's locale and phrase list, so it can
/// show the words while the candidate speaks and send them with the recording. Without Azure Speech the answer is
/// 404 live_speech_unavailable and the page records and uploads as before.
/// </summary>
public sealed class SpeechTokenFunction(SessionService sessions, PlanLibrary plans, LiveSpeechTokens? live = null)
{
    [Function("IssueSpeechToken")]
    [Access(Credential.SessionToken)]
    [Described("session", "A short-lived Azure AI Speech token to recognise the candidate live in the page")]
    [Returns(Status200OK, typeof(LiveSpeechGrant))]
    [Refuses(Status404NotFound, Status409Conflict, Status503ServiceUnavailable)]
    public async Task<IResult> IssueAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "session/speech-token/{interview_id}")] HttpRequest request)
    {
        if (live is not { Available: true })
        {
            return Problems.Create(ErrorCodes.LiveSpeechUnavailable,
                "This service does not recognise speech live (it needs Azure AI Speech with a region); send the recording as before.");
        }

        var ct = request.HttpContext.RequestAborted;
        var id = InterviewId.Of(request);
        var loaded = await sessions.GetActiveAsync(id, ct);
        if (loaded.Error is { } error)
        {
            return Problems.From(error, loaded.Detail);
        }

        var state = loaded.Value!;
        try
        {
            var plan = await plans.GetAsync(state.PlanId, state.PlanVersion, ct);
            return TypedResults.Ok(await live.IssueAsync(SpeechHints.Of(plan, state), ct));
        }
        catch (SpeechUnavailableException ex)
        {
            return Problems.Create(ErrorCodes.SpeechUnavailable, "The speech token service is unavailable; send the recording as before.",
                ex.RetryAfter ?? TimeSpan.FromSeconds(5));
        }
    }
}
