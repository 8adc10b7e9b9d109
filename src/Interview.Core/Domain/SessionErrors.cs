namespace Interview.Core.Domain;

/// <summary>Why a session request was refused. The HTTP edge maps each to a problem+json status.</summary>
public enum SessionError
{
    NotFound,
    AlreadyEnded,
    Conflict,
    UnknownPlan,
    AudioNotSupported,
    UnsupportedAudioFormat,
    AudioTooLong,
    IdempotencyKeyReused,
    SpeechUnavailable,
    StillRunning,
    Erased,
    InvalidInterruption,
}

/// <summary>A value or the reason there is none; <see cref="RetryAfter"/> is set for transient refusals.</summary>
public sealed record SessionResult<T>(T? Value, SessionError? Error, string? Detail = null, TimeSpan? RetryAfter = null)
{
    public static implicit operator SessionResult<T>(T value) => new(value, null);

    public static SessionResult<T> Fail(SessionError error, string detail, TimeSpan? retryAfter = null)
        => new(default, error, detail, retryAfter);
}
