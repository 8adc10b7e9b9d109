using Interview.Core.Domain;

namespace Interview.Core.Sessions;

/// <summary>
/// Durable sessions. <see cref="LoadAsync"/> reads everything a request needs in one round trip;
/// <see cref="SaveAsync"/> commits atomically and fails with <see cref="SessionConflictException"/>
/// when the session changed since it was loaded (or, for a new one, already exists).
/// </summary>
public interface ISessionStore
{
    Task<StoredSession?> LoadAsync(string interviewId, string? idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="after"/>: turns beyond those in <paramref name="before"/> are appended.</summary>
    Task SaveAsync(StoredSession? before, SessionState after, IdempotencyRecord? idempotency, CancellationToken cancellationToken);

    /// <summary>
    /// The first step of an erasure: the interview becomes a tombstone that holds no personal data, loads as nothing, and
    /// can neither be started again (a start conflicts: <see cref="SessionError.Erased"/>) nor take a commit. Returns the
    /// last evaluation version the interview asked for (kept in the tombstone, so a resumed erasure still knows it).
    /// </summary>
    Task<int> TombstoneAsync(string interviewId, CancellationToken cancellationToken);

    /// <summary>Deletes everything kept for the interview (turns, idempotency records, reports, reviews) but its tombstone.</summary>
    Task EraseAsync(string interviewId, CancellationToken cancellationToken);
}

/// <summary>A loaded session with its concurrency token and, when asked for, the record of an earlier turn with the same key.</summary>
public sealed record StoredSession(SessionState State, string ETag, IdempotencyRecord? Replay = null);

/// <summary>
/// What a turn answered, kept with the turn in the same transaction so a retry gets the same answer.
/// <see cref="Fingerprint"/> tells a true retry from a different request that reuses the key.
/// </summary>
public sealed record IdempotencyRecord(string Key, string Fingerprint, TurnOutcome Outcome);

/// <summary>
/// A turn's answer and the state after it; <see cref="Timings"/> are what that turn measured (none on a replay of a start).
/// </summary>
public sealed record TurnOutcome(AgentResponse Response, SessionState State, TurnTimings Timings);

public sealed class SessionConflictException(string interviewId, Exception? inner = null)
    : Exception($"Interview {interviewId} was changed by another request.", inner);

/// <summary>A turn that passed every check before work starts: what was loaded, and the stored answer when it is a replay.</summary>
public sealed record PreparedTurn(StoredSession Loaded, Agent.TurnInput Input, string? IdempotencyKey, string Fingerprint,
    TurnOutcome? Replay);
