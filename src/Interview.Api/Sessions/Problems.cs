using Interview.Core.Sessions;

namespace Interview.Api.Sessions;

/// <summary>RFC 7807 answers. Each carries a stable snake_case <c>code</c> a frontend can switch on.</summary>
internal static class Problems
{
    public static IResult From(SessionError error, string? detail, TimeSpan? retryAfter = null)
    {
        var (status, title) = error switch
        {
            SessionError.NotFound => (StatusCodes.Status404NotFound, "Interview not found"),
            SessionError.AlreadyEnded => (StatusCodes.Status409Conflict, "Interview is over"),
            SessionError.Conflict => (StatusCodes.Status409Conflict, "Concurrent turn"),
            SessionError.UnknownPlan => (StatusCodes.Status400BadRequest, "Unknown interview plan"),
            SessionError.AudioNotSupported => (StatusCodes.Status422UnprocessableEntity, "Audio answers are not available"),
            SessionError.UnsupportedAudioFormat => (StatusCodes.Status415UnsupportedMediaType, "Audio format not accepted"),
            SessionError.AudioTooLong => (StatusCodes.Status413PayloadTooLarge, "Recording too long"),
            SessionError.IdempotencyKeyReused => (StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused"),
            SessionError.SpeechUnavailable => (StatusCodes.Status503ServiceUnavailable, "Speech-to-text unavailable"),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error"),
        };
        return Create(status, title, detail, Code(error), retryAfter);
    }

    public static IResult Create(int status, string title, string? detail, string code, TimeSpan? retryAfter = null)
    {
        var problem = TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });
        return retryAfter is { } wait ? new WithRetryAfter(problem, wait) : problem;
    }

    private static string Code(SessionError error) => error switch
    {
        SessionError.NotFound => "not_found",
        SessionError.AlreadyEnded => "session_over",
        SessionError.Conflict => "concurrent_turn",
        SessionError.UnknownPlan => "unknown_plan",
        SessionError.AudioNotSupported => "audio_not_supported",
        SessionError.UnsupportedAudioFormat => "unsupported_audio_format",
        SessionError.AudioTooLong => "audio_too_long",
        SessionError.IdempotencyKeyReused => "idempotency_key_reused",
        SessionError.SpeechUnavailable => "speech_unavailable",
        _ => "error",
    };

    private sealed class WithRetryAfter(IResult inner, TimeSpan wait) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
