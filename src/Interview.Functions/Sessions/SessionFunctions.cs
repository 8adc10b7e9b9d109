using Interview.Core.Agent;
using Interview.Core.Sessions;
using Interview.Functions.Evaluation;
using Interview.Functions.Security;
using Interview.Functions.Speech.Offline;
using Interview.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using static Microsoft.AspNetCore.Http.StatusCodes;
using Interview.Functions.Http;
using Interview.Functions.Webhooks;

namespace Interview.Functions.Sessions;

/// <summary>The four endpoints of the guide. Each parses, calls the session service (a streamed turn twice: prepare, then run, so
/// refusals known before any work stay plain problems) and maps to the wire.</summary>
public sealed partial class SessionFunctions(
    SessionService sessions, Evaluations evaluations, HiringEvents events, IAudioLinks audio, IOptions<InterviewOptions> limits,
        IOptions<SecurityOptions> security,
    InterviewTokens tokens, InterviewAccess access, IOptions<JsonOptions> json, ILogger<SessionFunctions> logger,
    LiveListening? listening = null)
{
    private readonly Milestones _milestones = new(evaluations, events);

    public const string IdempotencyHeader = "Idempotency-Key";

    [Function("StartSession")]
    [Access(Credential.JoinToken)]
    [Described("session", "Start an interview, or get its greeting again")]
    [Body("application/json", typeof(StartSessionRequest), Required = false,
        Description = "Optional. Omit the body to use the default plan.")]
    [Returns(Status200OK, typeof(SessionResponse))]
    [Refuses(Status400BadRequest, Status403Forbidden, Status409Conflict, Status413PayloadTooLarge, Status415UnsupportedMediaType)]
    public async Task<IResult> StartAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "session/start/{interview_id}")] HttpRequest request, [DurableClient] DurableTaskClient client)
    {
        var ct = request.HttpContext.RequestAborted;
        var (options, problem) = await StartRequestReader.ReadAsync(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        // A recruiter's link may fix the plan in its signed join token: it is the plan, and a body naming another is refused.
        if (tokens.LinkedPlan(request.HttpContext) is { } linked)
        {
            if (options!.PlanId is { } asked && asked != linked)
            {
                return Problems.Create(ErrorCodes.Forbidden,
                    $"This link is for the plan '{linked}'; start without plan_id or with that one.");
            }

            options = options with { PlanId = linked };
        }

        var id = InterviewId.Of(request);
        var result = await sessions.StartAsync(id, options!, ct);
        await _milestones.StartedAsync(client, result);

        // In token mode the join token is exchanged here for the session token every later call needs.
        return await Problems.RespondAsync(result, async outcome
            => await outcome.AsResponseAsync(audio, access.IsRecruiter(request.HttpContext), ct) with
        {
            SessionToken = security.Value.RequiresTokens ? tokens.Issue(InterviewTokens.Session, id).Token : null,
        });
    }

    [Function("ProcessTurn")]
    [Access(Credential.SessionToken)]
    [RateLimited(RateLimits.Turns)]
    [Described("session",
        "Answer the interviewer's question: an audio recording or typed text (Accept: text/event-stream streams the reply)")]
    [Header(IdempotencyHeader, "A retry with the same key returns the first response and writes nothing.")]
    [Body("multipart/form-data", typeof(TurnForm), Description = "Exactly one of 'audio' (a recorded answer) or 'text' (a typed answer); "
        + "with 'audio', optionally 'transcript' (its words, recognised live) or 'stream_id' (the server heard it as it was made); "
        + "'interrupted_at_ms' (and 'heard_chars') when the candidate spoke over the interviewer's last line.")]
    [Returns(Status200OK, typeof(SessionResponse))]
    [Refuses(Status400BadRequest, Status404NotFound, Status409Conflict, Status413PayloadTooLarge, Status415UnsupportedMediaType,
        Status422UnprocessableEntity, Status503ServiceUnavailable)]
    public async Task<IResult> TurnAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "session/turn/{interview_id}")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        var ct = request.HttpContext.RequestAborted;
        var key = request.Headers[IdempotencyHeader].FirstOrDefault();
        if (key is not null && (key.Length is 0 or > 200 || key.Any(c => c < 0x21 || c > 0x7e)))
        {
            return Problems.Create(ErrorCodes.InvalidIdempotencyKey, "An Idempotency-Key is 1 to 200 visible ASCII characters.");
        }

        var (input, problem) = await TurnRequestReader.ReadAsync(request, limits.Value, listening, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (TurnStream.Wanted(request))
        {
            return await StreamAsync(request, input!, key, client);
        }

        var result = await sessions.TurnAsync(InterviewId.Of(request), input!, key, ct);
        if (result.Value is { } answered)
        {
            // The interviewer's goodbye ends the interview (a replay starts nothing twice).
            await _milestones.EndedAsync(client, answered.State, ct);
        }

        return await Problems.RespondAsync(result, outcome => outcome.AsResponseAsync(audio, access.IsRecruiter(request.HttpContext), ct));
    }

    /// <summary>
    /// A streamed turn: refusals known before any work stay plain problems; then events as the turn happens, and the
    /// buffered body as <c>done</c> once committed, or a problem as <c>error</c> when it failed and committed nothing.
    /// </summary>
    private async Task<IResult> StreamAsync(HttpRequest request, TurnInput input, string? key, DurableTaskClient client)
    {
        var ct = request.HttpContext.RequestAborted;
        var prepared = await sessions.PrepareTurnAsync(InterviewId.Of(request), input, key, ct);
        if (prepared.Error is { } refused)
        {
            return Problems.From(refused, prepared.Detail, prepared.RetryAfter);
        }

        await using var stream = TurnStream.Start(request.HttpContext, audio, json.Value.SerializerOptions);
        if (prepared.Value!.Replay is { } replay)
        {
            await stream.DoneAsync(await replay.AsResponseAsync(audio, access.IsRecruiter(request.HttpContext), ct));
            return Results.Empty;
        }

        try
        {
            var result = await sessions.RunTurnAsync(prepared.Value, stream, ct);
            if (result.Error is { } error)
            {
                await stream.ErrorAsync(Problems.Details(ErrorCodes.For(error), result.Detail));
                return Results.Empty;
            }

            await _milestones.EndedAsync(client, result.Value!.State, ct);
            await stream.DoneAsync(await result.Value.AsResponseAsync(audio, access.IsRecruiter(request.HttpContext), ct));
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The status line is long gone: the failure can only be the stream's last event.
            var outage = StorageOutage.Is(ex);
            Log.StreamFailed(logger, ex, InterviewId.Of(request));
            await stream.ErrorAsync(Problems.Details(outage ? ErrorCodes.StorageUnavailable : ErrorCodes.InternalError,
                outage ? StorageOutage.Detail : "Something went wrong on our side; nothing was saved."));
        }

        return Results.Empty;
    }

    [Function("GetSessionState")]
    [Access(Credential.SessionToken, OrRecruiter = true)]
    [Described("session", "The session state, enough to resume a page")]
    [Returns(Status200OK, typeof(SessionStateDto))]
    [Refuses(Status404NotFound)]
    public async Task<IResult> GetStateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get",
        Route = "session/state/{interview_id}")] HttpRequest request)
    {
        var ct = request.HttpContext.RequestAborted;
        var result = await sessions.GetAsync(InterviewId.Of(request), ct);
        return await Problems.RespondAsync(result, state => state.AsDtoAsync(audio, access.IsRecruiter(request.HttpContext), ct));
    }

    /// <summary>202: the interview is ended and its evaluation is on its way, at the Location given.</summary>
    [Function("EndSession")]
    [Access(Credential.SessionToken, OrRecruiter = true)]
    [Described("session", "End the interview (repeatable) and start its evaluation")]
    [Returns(Status202Accepted, typeof(SessionStateDto))]
    [Refuses(Status404NotFound)]
    public async Task<IResult> EndAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "session/state/{interview_id}")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        var ct = request.HttpContext.RequestAborted;
        var id = InterviewId.Of(request);
        var result = await sessions.EndAsync(id, ct);
        if (result.Error is { } error)
        {
            return Problems.From(error, result.Detail);
        }

        // After the commit: a repeated DELETE schedules again (a no-op when it exists), which repairs a crash in between.
        await _milestones.EndedAsync(client, result.Value!, ct);
        return TypedResults.Accepted(EvaluationFunctions.Location(id),
            await result.Value!.AsDtoAsync(audio, access.IsRecruiter(request.HttpContext), ct));
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Streamed turn of interview {InterviewId} failed after its stream began")]
        public static partial void StreamFailed(ILogger logger, Exception exception, string interviewId);
    }
}
