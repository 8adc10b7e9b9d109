using Interview.Core.Domain;
using Interview.Core.Sessions;
using Interview.Functions.Evaluation;
using Interview.Functions.Webhooks;
using Microsoft.DurableTask.Client;

namespace Interview.Functions.Sessions;

/// <summary>
/// What follows a commit that started or ended the interview, in one place for every way it happens: trackers hear of it and,
/// at the end (the interviewer's goodbye, a DELETE), the evaluation starts. Each is a no-op when done before, so a repeated
/// start or end publishes nothing new and repairs a crash in between.
/// </summary>
internal sealed class Milestones(Evaluations evaluations, HiringEvents events)
{
    public async Task StartedAsync(DurableTaskClient client, SessionResult<TurnOutcome> started)
    {
        if (started.Value is { } outcome)
        {
            await events.PublishAsync(client, HiringEvent.StartedOf(outcome.State));
        }
    }

    public async Task EndedAsync(DurableTaskClient client, SessionState state, CancellationToken ct)
    {
        if (state.Status == SessionStatus.Active)
        {
            return;
        }

        await evaluations.StartAsync(client, state, ct);
        await events.PublishAsync(client, HiringEvent.EndedOf(state));
    }
}
