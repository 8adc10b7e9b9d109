using System.Collections.Concurrent;

namespace Interview.LoadTest.Results;

/// <summary>What all clients did, shared and thread-safe: turn latencies, retries by cause, failures.</summary>
public sealed class RunCounters
{
    private readonly ConcurrentDictionary<string, int> _retriesByCause = new();
    private readonly ConcurrentDictionary<string, int> _failuresByCause = new();
    private readonly List<double> _firstAttemptMs = [];
    private readonly List<double> _overallMs = [];
    private int _turns, _retries, _fallbacks;

    /// <summary>Turns answered 200 so far.</summary>
    public int Turns => Volatile.Read(ref _turns);

    public int Retries => Volatile.Read(ref _retries);

    public int Fallbacks => Volatile.Read(ref _fallbacks);

    public IReadOnlyDictionary<string, int> RetriesByCause => _retriesByCause;

    public IReadOnlyDictionary<string, int> FailuresByCause => _failuresByCause;

    public void Retried(string cause)
    {
        Interlocked.Increment(ref _retries);
        _retriesByCause.AddOrUpdate(cause, 1, (_, n) => n + 1);
    }

    public void Failed(string cause) => _failuresByCause.AddOrUpdate(cause, 1, (_, n) => n + 1);

    public void Fallback() => Interlocked.Increment(ref _fallbacks);

    /// <summary>A turn that succeeded, first time or after retries.</summary>
    public void TurnDone(int attempts, double firstAttemptMs, double totalMs)
    {
        lock (_overallMs)
        {
            _overallMs.Add(totalMs);
            if (attempts == 1)
            {
                _firstAttemptMs.Add(firstAttemptMs);
            }
        }

        Interlocked.Increment(ref _turns);
    }

    public (IReadOnlyList<double> FirstAttempt, IReadOnlyList<double> Overall) Latencies()
    {
        lock (_overallMs)
        {
            return ([.. _firstAttemptMs], [.. _overallMs]);
        }
    }
}
