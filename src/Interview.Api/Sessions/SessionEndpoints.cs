using Interview.Api.Evaluation;
using Interview.Api.Interviewer;
using Interview.Api.Security;
using Interview.Api.Storage;
using Interview.Core.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Interview.Api.Sessions;

/// <summary>The four endpoints of the guide. Each parses, calls the session service once, and maps to the wire.</summary>
public static class SessionEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup("/session").WithTags("session").AddEndpointFilter<InterviewIdFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        session.MapPost("/start/{interview_id}", StartAsync).WithName("StartSession")
            .AddEndpointFilter(new InterviewAccessFilter(InterviewTokens.Join))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .AddOpenApiOperationTransformer(OpenApiBodies.OptionalStartBody)
            .Produces<SessionResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        session.MapPost("/turn/{interview_id}", TurnAsync).WithName("ProcessTurn")
            .AddEndpointFilter(new InterviewAccessFilter(InterviewTokens.Session))
            .RequireRateLimiting(SecuritySetup.TurnPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AddOpenApiOperationTransformer(OpenApiBodies.TurnForm)
            .Produces<SessionResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        session.MapGet("/state/{interview_id}", GetStateAsync).WithName("GetSessionState")
            .AddEndpointFilter(new InterviewAccessFilter(InterviewTokens.Session, allowAdmin: true))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .Produces<SessionStateDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        session.MapDelete("/state/{interview_id}", EndAsync).WithName("EndSession")
            .AddEndpointFilter(new InterviewAccessFilter(InterviewTokens.Session, allowAdmin: true))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .Produces<SessionStateDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<IResult> StartAsync(
        [FromRoute(Name = "interview_id")] string interviewId, HttpRequest request, SessionService sessions, BlobAudioStore audio,
        IOptions<SecurityOptions> security, InterviewTokens tokens, CancellationToken ct)
    {
        var (options, problem) = await StartRequestReader.ReadAsync(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var result = await sessions.StartAsync(interviewId, options!, ct);
        await audio.PrepareAsync(ct);
        // In token mode the join token is exchanged here for the session token every later call needs.
        return Respond(result, outcome => outcome.AsResponse(audio) with
        {
            SessionToken = security.Value.RequiresTokens ? tokens.Issue(InterviewTokens.Session, interviewId).Token : null,
        });
    }

    private static async Task<IResult> TurnAsync(
        [FromRoute(Name = "interview_id")] string interviewId,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        HttpRequest request, SessionService sessions, BlobAudioStore audio, IOptions<InterviewOptions> limits, CancellationToken ct)
    {
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 200 || idempotencyKey.Any(c => c < 0x21 || c > 0x7e)))
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "Invalid Idempotency-Key", "An Idempotency-Key is 1 to 200 visible ASCII characters.", "invalid_idempotency_key");
        }

        var (input, problem) = await TurnRequestReader.ReadAsync(request, limits.Value, ct);
        if (problem is not null)
        {
            return problem;
        }

        var result = await sessions.TurnAsync(interviewId, input!, idempotencyKey, ct);
        await audio.PrepareAsync(ct);
        return Respond(result, outcome => outcome.AsResponse(audio));
    }

    private static async Task<IResult> GetStateAsync(
        [FromRoute(Name = "interview_id")] string interviewId, SessionService sessions, BlobAudioStore audio, CancellationToken ct)
    {
        var result = await sessions.GetAsync(interviewId, ct);
        await audio.PrepareAsync(ct);
        return Respond(result, state => state.AsDto(audio));
    }

    /// <summary>202: the interview is ended and its evaluation is on its way, at the Location given.</summary>
    private static async Task<IResult> EndAsync(
        [FromRoute(Name = "interview_id")] string interviewId, SessionService sessions, BlobAudioStore audio, CancellationToken ct)
    {
        var result = await sessions.EndAsync(interviewId, ct);
        await audio.PrepareAsync(ct);
        return result.Error is { } error
            ? Problems.From(error, result.Detail)
            : TypedResults.Accepted(EvaluationEndpoints.Location(interviewId), result.Value!.AsDto(audio));
    }

    private static IResult Respond<T, TDto>(SessionResult<T> result, Func<T, TDto> map) =>
        result.Error is { } error ? Problems.From(error, result.Detail, result.RetryAfter) : TypedResults.Ok(map(result.Value!));
}
