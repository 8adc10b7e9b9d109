using Interview.Core.Evaluation;

namespace Interview.Core.Tests.TestDoubles;

/// <summary>
/// Evaluation versions and checkpoints in memory, with the table store's contract: creating a version that exists
/// returns false, null asks for the latest version, a status change on a missing version throws, and every write
/// stamps UpdatedAt from <paramref name="clock"/>. Thread-safe, since the runner checkpoints in parallel.
/// </summary>
internal sealed class InMemoryEvaluationStore(TimeProvider clock) : IEvaluationStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, int), EvaluationRecord> _records = [];
    private readonly Dictionary<(string, int), Dictionary<string, CompetencyScore>> _checkpoints = [];

    public Task<EvaluationRecord?> GetAsync(string interviewId, int? version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var wanted = version ?? _records.Keys.Where(k => k.Item1 == interviewId).Select(k => (int?)k.Item2).Max();
            return Task.FromResult(wanted is { } v && _records.TryGetValue((interviewId, v), out var r) ? r : null);
        }
    }

    public Task<bool> TryCreateAsync(string interviewId, int version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = Now;
            return Task.FromResult(_records.TryAdd((interviewId, version), new EvaluationRecord(interviewId, version, EvaluationStatus.Pending, null, now, now, null)));
        }
    }

    public Task SetStatusAsync(string interviewId, int version, string status, string? reason, CancellationToken cancellationToken) =>
        Update(interviewId, version, r => r with { Status = status, Reason = reason });

    public Task<IReadOnlyDictionary<string, CompetencyScore>> CheckpointsAsync(string interviewId, int version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyDictionary<string, CompetencyScore> copy = _checkpoints.TryGetValue((interviewId, version), out var c) ? new Dictionary<string, CompetencyScore>(c) : [];
            return Task.FromResult(copy);
        }
    }

    public Task CheckpointAsync(string interviewId, int version, CompetencyScore score, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_checkpoints.TryGetValue((interviewId, version), out var scores))
            {
                _checkpoints[(interviewId, version)] = scores = [];
            }

            scores[score.Name] = score;
            return Task.CompletedTask;
        }
    }

    public Task CompleteAsync(EvaluationReport report, CancellationToken cancellationToken) =>
        Update(report.InterviewId, report.Version, r => r with { Status = EvaluationStatus.Completed, Reason = null, Report = report });

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task Update(string interviewId, int version, Func<EvaluationRecord, EvaluationRecord> change)
    {
        lock (_gate)
        {
            if (!_records.TryGetValue((interviewId, version), out var record))
            {
                return Task.FromException(new InvalidOperationException($"No evaluation version {version} for {interviewId} (the table returns 404)."));
            }

            _records[(interviewId, version)] = change(record) with { UpdatedAt = Now };
            return Task.CompletedTask;
        }
    }
}
