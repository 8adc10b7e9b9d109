using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Recruiting;
using Interview.Core.Speech;
using Interview.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Interview.Core.Sessions;

/// <summary>
/// One turn: what can refuse it before any work (<see cref="PrepareTurnAsync"/>), then hear, decide, speak and commit once
/// with the idempotency record (<see cref="RunTurnAsync"/>); a commit that lost a race gives back the winner's answer when
/// it was this very request, and the recording of a turn that did not land is removed.
/// </summary>
internal sealed class TurnRunner(ISessionStore store, InterviewerAgent agent, AudioGate audioGate, IInterviewIndex index, ILogger logger)
{
    public async Task<SessionResult<TurnOutcome>> TurnAsync(string interviewId, TurnInput input, string? idempotencyKey,
        CancellationToken ct)
    {
        var prepared = await PrepareTurnAsync(interviewId, input, idempotencyKey, ct);
        return prepared.Error is { } error ? SessionResult<TurnOutcome>.Fail(error, prepared.Detail!, prepared.RetryAfter)
            : prepared.Value!.Replay is { } replay ? replay
            : await RunTurnAsync(prepared.Value, null, ct);
    }

    /// <summary>
    /// Everything that can refuse a turn before any work: the recording, the interview, a replay of the same request,
    /// a session that is over. A streamed turn answers these as plain problems before its stream begins.
    /// </summary>
    public async Task<SessionResult<PreparedTurn>> PrepareTurnAsync(string interviewId, TurnInput input, string? idempotencyKey,
        CancellationToken ct)
    {
        if (input.Audio is { } audio && audioGate.Check(audio) is { } refusal)
        {
            return SessionResult<PreparedTurn>.Fail(refusal.Error, refusal.Detail);
        }

        var loaded = await store.LoadAsync(interviewId, idempotencyKey, ct);
        if (loaded is null)
        {
            return SessionResult<PreparedTurn>.Fail(SessionError.NotFound, SessionService.NotFoundDetail(interviewId));
        }

        var fingerprint = TurnFingerprint.Of(input);
        if (loaded.Replay is { } replay)
        {
            var replayed = TurnFingerprint.Replay(replay, fingerprint);
            return replayed.Error is { } error ? SessionResult<PreparedTurn>.Fail(error, replayed.Detail!)
                : new PreparedTurn(loaded, input, idempotencyKey, fingerprint, replayed.Value);
        }

        if (loaded.State.Status != SessionStatus.Active)
        {
            return SessionResult<PreparedTurn>.Fail(SessionError.AlreadyEnded,
                $"Interview {interviewId} is {loaded.State.Status.ToString().ToLowerInvariant()}; it takes no more turns.");
        }

        if (Interruptions.Refusal(loaded.State, input.Interruption) is { } badInterruption)
        {
            return SessionResult<PreparedTurn>.Fail(SessionError.InvalidInterruption, badInterruption);
        }

        return new PreparedTurn(loaded, input, idempotencyKey, fingerprint, null);
    }

    /// <summary>Hears, decides, speaks (telling <paramref name="events"/> as it goes) and commits once, with its idempotency
    /// record.</summary>
    public async Task<SessionResult<TurnOutcome>> RunTurnAsync(PreparedTurn turn, ITurnEvents? events, CancellationToken ct)
    {
        var (loaded, input, idempotencyKey, fingerprint) = (turn.Loaded, turn.Input, turn.IdempotencyKey, turn.Fingerprint);
        var interviewId = loaded.State.InterviewId;
        using var span = TurnTracing.Start("turn", interviewId);
        var timer = new TurnClock(interviewId);
        SessionState state;
        AgentResponse response;
        try
        {
            (response, state) = await agent.ProcessTurnAsync(input, Interruptions.Mark(loaded.State, input.Interruption),
                timer, events, ct);
            state = state.Status == SessionStatus.Active ? state : state.WithFirstEvaluation();
        }
        catch (SpeechUnavailableException ex)
        {
            SessionLog.SpeechUnavailable(logger, ex, interviewId);
            return SessionResult<TurnOutcome>.Fail(SessionError.SpeechUnavailable, "Speech-to-text is unavailable right now; nothing was " +
                "saved. Retry the same request.", ex.RetryAfter ?? TimeSpan.FromSeconds(5));
        }
        catch (AudioRejectedException ex)
        {
            return SessionResult<TurnOutcome>.Fail(ex.Refusal.Error, ex.Refusal.Detail);
        }

        // The record is written before the commit it belongs to, so a replay reports store_ms 0.
        var record = idempotencyKey is null ? null
            : new IdempotencyRecord(idempotencyKey, fingerprint, new TurnOutcome(response, state, timer.Timings));
        try
        {
            using (timer.Stage(TurnStage.Store))
            {
                await store.SaveAsync(loaded, state, record, ct);
            }
        }
        catch (SessionConflictException)
        {
            // A retry of this very request may have won the race: then its answer (and its recording) is ours too.
            if (idempotencyKey is not null && await store.LoadAsync(interviewId, idempotencyKey, ct) is { Replay: { } winner })
            {
                await DiscardUnlessCommittedAsync(state);
                return TurnFingerprint.Replay(winner, fingerprint);
            }

            await DiscardUnlessCommittedAsync(state);
            return SessionResult<TurnOutcome>.Fail(SessionError.Conflict,
                $"Another turn for interview {interviewId} was committed first; reload the state and answer the latest question.");
        }
        catch
        {
            await DiscardUnlessCommittedAsync(state);
            throw;
        }

        if (state.Status != SessionStatus.Active)
        {
            await index.RecordLoggedAsync(state, logger, ct);
        }

        var timings = timer.Timings;
        SessionLog.TurnTimed(logger, interviewId, timings.SttMs, timings.BrainMs, timings.TtsMs, timings.StoreMs);
        return new TurnOutcome(response, state, timings);
    }

    /// <summary>
    /// A commit that failed or conflicted may still have landed (the reply lost, a retried batch conflicting with its own
    /// success, the caller gone mid-batch): the recording is removed only when the stored interview is seen not to hold
    /// it. When that cannot be known it stays; it lives under the interview, so erasure and the audio rule still remove it.
    /// </summary>
    private async Task DiscardUnlessCommittedAsync(SessionState answered)
    {
        var recording = answered.ConversationHistory.LastOrDefault(t => t.Role == Roles.Candidate)?.AudioRef;
        if (recording is null)
        {
            return;
        }

        try
        {
            var stored = await store.LoadAsync(answered.InterviewId, null, CancellationToken.None);
            if (stored is not null && stored.State.ConversationHistory.Any(t => t.AudioRef == recording))
            {
                return;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SessionLog.RecordingKept(logger, ex, answered.InterviewId);
            return;
        }

        await agent.DiscardRecordingAsync(answered);
    }
}
