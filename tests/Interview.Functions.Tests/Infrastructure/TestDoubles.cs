using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Plans;
using Interview.Core.Rules;
using Interview.Core.Speech;

namespace Interview.Functions.Tests.Infrastructure;

/// <summary>
/// Holds every turn at the brain until <paramref name="parties"/> turns have arrived, so concurrent requests are
/// known to have loaded the same session version before either commits: the race happens every run.
/// </summary>
public sealed class BarrierBrain(int parties) : IInterviewerBrain
{
    private readonly RulesBrain _inner = new();
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public Task<BrainReply> OpenAsync(InterviewPlan plan, SessionState state, CancellationToken ct) => _inner.OpenAsync(plan, state, ct);

    public async Task<BrainReply> DecideAsync(InterviewPlan plan, SessionState state, string answer, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _arrived) == parties)
        {
            _all.TrySetResult();
        }

        await _all.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        return await _inner.DecideAsync(plan, state, answer, ct);
    }
}

/// <summary>A speech-to-text stand-in that "hears" a fixed sentence, or fails like a provider that is down.</summary>
public sealed class FakeSpeechToText(string heard, bool unavailable = false) : ISpeechToText
{
    public int Calls { get; private set; }

    public IReadOnlySet<AudioFormat> AcceptedFormats { get; } = new HashSet<AudioFormat> { AudioFormat.Wav, AudioFormat.WebM };

    public Task<Transcript> TranscribeAsync(AudioClip audio, SpeechHints hints, CancellationToken cancellationToken)
    {
        Calls++;
        return unavailable
            ? throw new SpeechUnavailableException("provider returned 503", TimeSpan.FromSeconds(7))
            : Task.FromResult(new Transcript(heard, 0.93));
    }
}

/// <summary>A session store whose storage account is unreachable, as Azure.Data.Tables reports it after its retries.</summary>
public sealed class UnreachableSessionStore(Azure.RequestFailedException? failure = null) : Interview.Core.Sessions.ISessionStore
{
    public Task<Interview.Core.Sessions.StoredSession?> LoadAsync(string interviewId, string? idempotencyKey,
        CancellationToken cancellationToken) =>
        throw failure ?? new Azure.RequestFailedException(503, "Service Unavailable");

    public Task SaveAsync(Interview.Core.Sessions.StoredSession? before, SessionState after,
        Interview.Core.Sessions.IdempotencyRecord? idempotency, CancellationToken cancellationToken) =>
        throw new Azure.RequestFailedException(503, "Service Unavailable");

    public Task EraseAsync(string interviewId, CancellationToken cancellationToken)
        => throw new Azure.RequestFailedException(503, "Service Unavailable");

    public Task<int> TombstoneAsync(string interviewId, CancellationToken cancellationToken)
        => throw new Azure.RequestFailedException(503, "Service Unavailable");
}
