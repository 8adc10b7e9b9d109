using System.Globalization;
using Interview.Core.Domain;
using Interview.Core.Sessions;

namespace Interview.Core.Tests.TestDoubles;

/// <summary>
/// Sessions and idempotency records in memory, with the real store's contract: a save from a stale load,
/// or a create of a session that exists, throws <see cref="SessionConflictException"/>.
/// </summary>
internal sealed class InMemorySessionStore : ISessionStore
{
    private readonly Dictionary<string, (SessionState State, int Version)> _sessions = [];
    private readonly Dictionary<(string, string), IdempotencyRecord> _records = [];

    /// <summary>Saves still to refuse with a conflict, as if another request had just committed.</summary>
    public int ConflictsToThrow { get; set; }

    public int SaveAttempts { get; private set; }

    public int Saves { get; private set; }

    public SessionState? this[string interviewId] => _sessions.TryGetValue(interviewId, out var s) ? s.State : null;

    public Task<StoredSession?> LoadAsync(string interviewId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (!_sessions.TryGetValue(interviewId, out var stored))
        {
            return Task.FromResult<StoredSession?>(null);
        }

        var replay = idempotencyKey is not null && _records.TryGetValue((interviewId, idempotencyKey), out var r) ? r : null;
        return Task.FromResult<StoredSession?>(new StoredSession(stored.State, ETag(stored.Version), replay));
    }

    public Task SaveAsync(StoredSession? before, SessionState after, IdempotencyRecord? idempotency, CancellationToken cancellationToken)
    {
        SaveAttempts++;
        var exists = _sessions.TryGetValue(after.InterviewId, out var current);
        var stale = before is null ? exists : !exists || before.ETag != ETag(current.Version);
        if (stale || ConflictsToThrow > 0)
        {
            ConflictsToThrow = Math.Max(0, ConflictsToThrow - 1);
            throw new SessionConflictException(after.InterviewId);
        }

        _sessions[after.InterviewId] = (after, current.Version + 1);
        if (idempotency is not null)
        {
            _records[(after.InterviewId, idempotency.Key)] = idempotency;
        }

        Saves++;
        return Task.CompletedTask;
    }

    private static string ETag(int version) => version.ToString(CultureInfo.InvariantCulture);

    public Task<int> TombstoneAsync(string interviewId, CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.Remove(interviewId, out var erased) ? erased.State.EvaluationVersion : 0);

    public Task EraseAsync(string interviewId, CancellationToken cancellationToken)
    {
        _sessions.Remove(interviewId);
        return Task.CompletedTask;
    }
}
