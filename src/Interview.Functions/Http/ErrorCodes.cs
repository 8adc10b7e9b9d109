using System.Reflection;
using Interview.Core.Sessions;
using static Microsoft.AspNetCore.Http.StatusCodes;
using Interview.Core.Domain;

namespace Interview.Functions.Http;

/// <summary>A refusal a client can switch on: the stable <c>code</c> of a problem+json answer, its status and title.</summary>
public sealed record ErrorCode(string Code, int Status, string Title);

/// <summary>
/// Every error code the API answers with, in one place. docs/api.md's error table is checked against this list by a test, so a new code
/// cannot ship undocumented.
/// </summary>
public static class ErrorCodes
{
    public static readonly ErrorCode InvalidInterviewId = new("invalid_interview_id", Status400BadRequest, "Invalid interview id");
    public static readonly ErrorCode MissingAnswer = new("missing_answer", Status400BadRequest, "No answer");
    public static readonly ErrorCode AmbiguousAnswer = new("ambiguous_answer", Status400BadRequest, "Ambiguous answer");
    public static readonly ErrorCode EmptyAudio = new("empty_audio", Status400BadRequest, "Empty audio");
    public static readonly ErrorCode MalformedBody = new("malformed_body", Status400BadRequest, "Malformed body");
    public static readonly ErrorCode TooManyParts = new("too_many_parts", Status400BadRequest, "Too many parts");
    public static readonly ErrorCode InvalidText = new("invalid_text", Status400BadRequest, "Unreadable text");
    public static readonly ErrorCode InvalidField = new("invalid_field", Status400BadRequest, "Invalid field");
    public static readonly ErrorCode UnknownPlan = new("unknown_plan", Status400BadRequest, "Unknown interview plan");
    public static readonly ErrorCode InvalidIdempotencyKey = new("invalid_idempotency_key", Status400BadRequest, "Invalid Idempotency-Key");
    public static readonly ErrorCode InvalidReview = new("invalid_review", Status400BadRequest, "Invalid review");
    public static readonly ErrorCode InvalidPlan = new("invalid_plan", Status400BadRequest, "Invalid plan");
    public static readonly ErrorCode Unauthorized = new("unauthorized", Status401Unauthorized, "Authentication required");
    public static readonly ErrorCode Forbidden = new("forbidden", Status403Forbidden, "Not your interview");
    public static readonly ErrorCode NotFound = new("not_found", Status404NotFound, "Interview not found");
    public static readonly ErrorCode PlanNotFound = new("plan_not_found", Status404NotFound, "Plan not found");
    public static readonly ErrorCode WebhookNotFound = new("webhook_not_found", Status404NotFound, "Webhook not found");
    public static readonly ErrorCode LiveSpeechUnavailable = new("live_speech_unavailable", Status404NotFound, "Live speech unavailable");
    public static readonly ErrorCode LiveListeningUnavailable =
        new("live_listening_unavailable", Status404NotFound, "Live listening unavailable");
    public static readonly ErrorCode EvaluationNotStarted = new("evaluation_not_started", Status404NotFound, "No evaluation yet");
    public static readonly ErrorCode SessionOver = new("session_over", Status409Conflict, "Interview is over");
    public static readonly ErrorCode ConcurrentTurn = new("concurrent_turn", Status409Conflict, "Concurrent turn");
    public static readonly ErrorCode InterviewActive = new("interview_active", Status409Conflict, "Interview still running");
    public static readonly ErrorCode SecurityOpen = new("security_open", Status409Conflict, "Security is open");
    public static readonly ErrorCode EvaluationNotReady = new("evaluation_not_ready", Status409Conflict, "No evaluation to review yet");
    public static readonly ErrorCode PlanIdReserved = new("plan_id_reserved", Status409Conflict, "Plan id is built in");
    public static readonly ErrorCode ListeningOutOfOrder = new("listening_out_of_order", Status409Conflict, "Chunk out of order");
    public static readonly ErrorCode InterviewErased = new("interview_erased", Status410Gone, "Interview erased");
    public static readonly ErrorCode UploadTooLarge = new("upload_too_large", Status413PayloadTooLarge, "Upload too large");
    public static readonly ErrorCode TextTooLong = new("text_too_long", Status413PayloadTooLarge, "Answer too long");
    public static readonly ErrorCode BodyTooLarge = new("body_too_large", Status413PayloadTooLarge, "Body too large");
    public static readonly ErrorCode JobDescriptionTooLong =
        new("job_description_too_long", Status413PayloadTooLarge, "Job description too long");
    public static readonly ErrorCode AudioTooLong = new("audio_too_long", Status413PayloadTooLarge, "Recording too long");
    public static readonly ErrorCode NotMultipart = new("not_multipart", Status415UnsupportedMediaType, "Unsupported media type");
    public static readonly ErrorCode NotJson = new("not_json", Status415UnsupportedMediaType, "Unsupported media type");
    public static readonly ErrorCode UnsupportedAudioFormat =
        new("unsupported_audio_format", Status415UnsupportedMediaType, "Audio format not accepted");
    public static readonly ErrorCode AudioNotSupported =
        new("audio_not_supported", Status422UnprocessableEntity, "Audio answers are not available");
    public static readonly ErrorCode IdempotencyKeyReused =
        new("idempotency_key_reused", Status422UnprocessableEntity, "Idempotency-Key reused");
    public static readonly ErrorCode RateLimited = new("rate_limited", Status429TooManyRequests, "Too many requests");
    public static readonly ErrorCode InternalError = new("internal_error", Status500InternalServerError, "Unexpected error");
    public static readonly ErrorCode SpeechUnavailable =
        new("speech_unavailable", Status503ServiceUnavailable, "Speech-to-text unavailable");
    public static readonly ErrorCode ListeningBusy = new("listening_busy", Status503ServiceUnavailable, "Too many listening at once");
    public static readonly ErrorCode StorageUnavailable = new("storage_unavailable", Status503ServiceUnavailable, "Storage unavailable");
    public static readonly ErrorCode RequestTimeout = new("request_timeout", Status503ServiceUnavailable, "Request took too long");

    public static IReadOnlyList<ErrorCode> All { get; } = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ErrorCode)).Select(f => (ErrorCode)f.GetValue(null)!).ToList();

    /// <summary>The code for a refusal the domain reports.</summary>
    public static ErrorCode For(SessionError error) => error switch
    {
        SessionError.NotFound => NotFound,
        SessionError.Erased => InterviewErased,
        SessionError.AlreadyEnded => SessionOver,
        SessionError.Conflict => ConcurrentTurn,
        SessionError.UnknownPlan => UnknownPlan,
        SessionError.AudioNotSupported => AudioNotSupported,
        SessionError.UnsupportedAudioFormat => UnsupportedAudioFormat,
        SessionError.AudioTooLong => AudioTooLong,
        SessionError.IdempotencyKeyReused => IdempotencyKeyReused,
        SessionError.SpeechUnavailable => SpeechUnavailable,
        SessionError.StillRunning => InterviewActive,
        SessionError.InvalidInterruption => InvalidField,
        _ => InternalError,
    };
}
