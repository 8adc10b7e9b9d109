using Interview.Core.Domain;
using Interview.Core.Sessions;

namespace Interview.Core.Evaluation;

/// <summary>
/// Starts evaluations. The end of an interview (DELETE or a concluding turn) creates version 1 and enqueues it
/// once; whoever loses the creation race enqueues nothing. A version left pending past <see cref="StaleAfter"/>
/// (the process died between creating and enqueueing) is enqueued again when anyone looks at it.
/// </summary>
public sealed class EvaluationTrigger(IEvaluationStore store, IEvaluationQueue queue, TimeProvider clock) : IInterviewEndedHandler
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    public async Task OnInterviewEndedAsync(SessionState state, CancellationToken cancellationToken)
    {
        if (await store.TryCreateAsync(state.InterviewId, 1, cancellationToken))
        {
            await queue.EnqueueAsync(state.InterviewId, 1, cancellationToken);
            return;
        }

        await RepairIfStuckAsync(await store.GetAsync(state.InterviewId, null, cancellationToken), cancellationToken);
    }

    /// <summary>A new version after the latest; the earlier reports stay.</summary>
    public async Task<int> RerunAsync(string interviewId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var next = ((await store.GetAsync(interviewId, null, cancellationToken))?.Version ?? 0) + 1;
            if (await store.TryCreateAsync(interviewId, next, cancellationToken))
            {
                await queue.EnqueueAsync(interviewId, next, cancellationToken);
                return next;
            }

            if (attempt == 5)
            {
                throw new InvalidOperationException($"Could not create a new evaluation version for {interviewId}.");
            }
        }
    }

    public async Task RepairIfStuckAsync(EvaluationRecord? record, CancellationToken cancellationToken)
    {
        if (record is { Status: EvaluationStatus.Pending } && clock.GetUtcNow().UtcDateTime - record.UpdatedAt > StaleAfter)
        {
            await store.SetStatusAsync(record.InterviewId, record.Version, EvaluationStatus.Pending, null, cancellationToken);
            await queue.EnqueueAsync(record.InterviewId, record.Version, cancellationToken);
        }
    }
}
