using System.Security.Cryptography;
using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Plans;
using Interview.Core.Recruiting;
using Interview.Core.Speech;
using Interview.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Interview.Core.Sessions;

/// <summary>
/// One request, one load, one commit: loads the session, lets the stateless agent compute, commits the result
/// atomically with its idempotency record. Nothing is written when a request is refused. The end of an interview (a
/// concluding turn or DELETE) commits the evaluation version it asks for; the function edge then starts it.
/// </summary>
public sealed partial class SessionService(
    ISessionStore store,
    InterviewerAgent agent,
    AudioGate audioGate,
    PlanLibrary plans,
    IInterviewIndex index,
    TimeProvider clock,
    ILogger<SessionService> logger)
{
    public async Task<SessionResult<TurnOutcome>> StartAsync(string interviewId, StartOptions options, CancellationToken ct)
    {
        if (options.PlanId is { } planId && await plans.FindAsync(planId, null, ct) is null)
        {
            return SessionResult<TurnOutcome>.Fail(SessionError.UnknownPlan, $"There is no interview plan '{planId}'. GET /manage/plans lists them.");
        }

        if (await store.LoadAsync(interviewId, null, ct) is { } existing)
        {
            return Greeting(existing.State);
        }

        var timer = new TurnClock(interviewId);
        var (response, state) = await agent.StartInterviewAsync(interviewId, options, timer, null, ct);
        try
        {
            using (timer.Stage(TurnStage.Store))
            {
                // Listed before it exists: a crash after the commit cannot leave a started interview off the list.
                await index.MarkStartingAsync(state, ct);
                await store.SaveAsync(null, state, null, ct);
            }

            Log.Started(logger, interviewId, state.PlanId);
            await RecordAsync(state, ct);
            return new TurnOutcome(response, state, timer.Timings);
        }
        catch (SessionConflictException)
        {
            // Two starts raced; the first one's greeting is the interview's greeting.
            // Or the id is an erased interview's tombstone: erased stays erased, whatever token is shown.
            if (await store.LoadAsync(interviewId, null, ct) is { } winner)
            {
                return Greeting(winner.State);
            }

            await index.ForgetStartAsync(state, ct);
            return SessionResult<TurnOutcome>.Fail(SessionError.Erased, $"Interview {interviewId} was erased; it cannot be started again.");
        }
    }

    public async Task<SessionResult<TurnOutcome>> TurnAsync(string interviewId, TurnInput input, string? idempotencyKey, CancellationToken ct)
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
    public async Task<SessionResult<PreparedTurn>> PrepareTurnAsync(string interviewId, TurnInput input, string? idempotencyKey, CancellationToken ct)
    {
        if (input.Audio is { } audio && audioGate.Check(audio) is { } refusal)
        {
            return SessionResult<PreparedTurn>.Fail(refusal.Error, refusal.Detail);
        }

        var loaded = await store.LoadAsync(interviewId, idempotencyKey, ct);
        if (loaded is null)
        {
            return SessionResult<PreparedTurn>.Fail(SessionError.NotFound, NotFoundDetail(interviewId));
        }

        var fingerprint = Fingerprint(input);
        if (loaded.Replay is { } replay)
        {
            var replayed = Replay(replay, fingerprint);
            return replayed.Error is { } error ? SessionResult<PreparedTurn>.Fail(error, replayed.Detail!) : new PreparedTurn(loaded, input, idempotencyKey, fingerprint, replayed.Value);
        }

        if (loaded.State.Status != SessionStatus.Active)
        {
            return SessionResult<PreparedTurn>.Fail(SessionError.AlreadyEnded, $"Interview {interviewId} is {loaded.State.Status.ToString().ToLowerInvariant()}; it takes no more turns.");
        }

        if (Interruptions.Refusal(loaded.State, input.Interruption) is { } badInterruption)
        {
            return SessionResult<PreparedTurn>.Fail(SessionError.InvalidInterruption, badInterruption);
        }

        return new PreparedTurn(loaded, input, idempotencyKey, fingerprint, null);
    }

    /// <summary>Hears, decides, speaks (telling <paramref name="events"/> as it goes) and commits once, with its idempotency record.</summary>
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
            (response, state) = await agent.ProcessTurnAsync(input, Interruptions.Mark(loaded.State, input.Interruption), timer, events, ct);
            state = state.Status == SessionStatus.Active ? state : state with { EvaluationVersion = 1 };
        }
        catch (SpeechUnavailableException ex)
        {
            Log.SpeechUnavailable(logger, ex, interviewId);
            return SessionResult<TurnOutcome>.Fail(SessionError.SpeechUnavailable, "Speech-to-text is unavailable right now; nothing was saved. Retry the same request.", ex.RetryAfter ?? TimeSpan.FromSeconds(5));
        }
        catch (AudioRejectedException ex)
        {
            return SessionResult<TurnOutcome>.Fail(ex.Refusal.Error, ex.Refusal.Detail);
        }

        // The record is written before the commit it belongs to, so a replay reports store_ms 0.
        var record = idempotencyKey is null ? null : new IdempotencyRecord(idempotencyKey, fingerprint, new TurnOutcome(response, state, timer.Timings));
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
                return Replay(winner, fingerprint);
            }

            await DiscardUnlessCommittedAsync(state);
            return SessionResult<TurnOutcome>.Fail(SessionError.Conflict, $"Another turn for interview {interviewId} was committed first; reload the state and answer the latest question.");
        }
        catch
        {
            await DiscardUnlessCommittedAsync(state);
            throw;
        }

        if (state.Status != SessionStatus.Active)
        {
            await RecordAsync(state, ct);
        }

        var timings = timer.Timings;
        Log.TurnTimed(logger, interviewId, timings.SttMs, timings.BrainMs, timings.TtsMs, timings.StoreMs);
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
            Log.RecordingKept(logger, ex, answered.InterviewId);
            return;
        }

        await agent.DiscardRecordingAsync(answered);
    }

    public async Task<SessionResult<SessionState>> GetAsync(string interviewId, CancellationToken ct) =>
        await store.LoadAsync(interviewId, null, ct) is { } loaded ? loaded.State : NotFoundState(interviewId);

    /// <summary>The state of an interview that still takes answers (asked before listening to one live); AlreadyEnded otherwise.</summary>
    public async Task<SessionResult<SessionState>> GetActiveAsync(string interviewId, CancellationToken ct)
    {
        var loaded = await GetAsync(interviewId, ct);
        return loaded.Value is { Status: not SessionStatus.Active } state
            ? SessionResult<SessionState>.Fail(SessionError.AlreadyEnded,
                $"Interview {interviewId} is {state.Status.ToString().ToLowerInvariant()}; it takes no more answers.")
            : loaded;
    }

    /// <summary>Ends the interview, asking for its first evaluation. Repeating it is harmless and changes nothing.</summary>
    public async Task<SessionResult<SessionState>> EndAsync(string interviewId, CancellationToken ct)
    {
        var ended = await CommitAsync(interviewId, s => s.Status == SessionStatus.Ended
            ? s
            : s with { Status = SessionStatus.Ended, EvaluationVersion = Math.Max(1, s.EvaluationVersion), LastUpdated = clock.GetUtcNow().UtcDateTime }, ct);
        if (ended.Value is { } state)
        {
            await RecordAsync(state, ct); // repeated on every DELETE: a lost update of the list is made good here too
        }

        return ended;
    }

    /// <summary>Asks for one more evaluation version of an ended or concluded interview; earlier reports stay.</summary>
    public Task<SessionResult<SessionState>> RequestEvaluationAsync(string interviewId, CancellationToken ct) =>
        CommitAsync(interviewId, s => s.Status == SessionStatus.Active
            ? SessionResult<SessionState>.Fail(SessionError.StillRunning, "Only an ended or concluded interview can be evaluated.")
            : s with { EvaluationVersion = s.EvaluationVersion + 1, LastUpdated = clock.GetUtcNow().UtcDateTime }, ct);

    /// <summary>
    /// Applies <paramref name="change"/> to the latest state and commits it (nothing when it returns the state unchanged
    /// or a refusal), again on the interview as it now is if a turn lands meanwhile.
    /// </summary>
    private async Task<SessionResult<SessionState>> CommitAsync(string interviewId, Func<SessionState, SessionResult<SessionState>> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await store.LoadAsync(interviewId, null, ct) is not { } loaded)
            {
                return NotFoundState(interviewId);
            }

            var result = change(loaded.State);
            if (result.Error is not null || ReferenceEquals(result.Value, loaded.State))
            {
                return result;
            }

            try
            {
                await store.SaveAsync(loaded, result.Value!, null, ct);
                return result;
            }
            catch (SessionConflictException) when (attempt < 3)
            {
                // another request landed meanwhile: try again on the interview as it now is
            }
        }
    }

    /// <summary>The list learns what was committed; if it cannot, the row is made good when the list or a later write reads it.</summary>
    private async Task RecordAsync(SessionState state, CancellationToken ct)
    {
        try
        {
            await index.RecordAsync(state, null, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            Log.IndexFailed(logger, ex, state.InterviewId);
        }
    }

    private static SessionResult<TurnOutcome> Greeting(SessionState state)
    {
        if (state.Status != SessionStatus.Active)
        {
            return SessionResult<TurnOutcome>.Fail(SessionError.AlreadyEnded, $"Interview {state.InterviewId} is {state.Status.ToString().ToLowerInvariant()}; it cannot be started again.");
        }

        var greeting = state.ConversationHistory[0];
        var action = new AgentAction(greeting.ActionType ?? ActionType.NewQuestion, "Interview already started: the opening greeting again", null);
        return new TurnOutcome(new AgentResponse(greeting.Content, greeting.AudioRef, action, true), state, TurnTimings.None);
    }

    private static SessionResult<TurnOutcome> Replay(IdempotencyRecord replay, string fingerprint) =>
        CryptographicOperations.FixedTimeEquals(Convert.FromHexString(replay.Fingerprint), Convert.FromHexString(fingerprint))
            ? replay.Outcome
            : SessionResult<TurnOutcome>.Fail(SessionError.IdempotencyKeyReused, "This Idempotency-Key was already used for a different answer. Use a new key for a new answer.");

    private static string Fingerprint(TurnInput input)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (input.Audio is { } audio)
        {
            hash.AppendData("audio:"u8);
            hash.AppendData(audio.Bytes.Span);
            if (input.Text is { } recognised)
            {
                // The same recording with other words is another answer.
                hash.AppendData("transcript:"u8);
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(recognised));
            }
        }
        else
        {
            hash.AppendData("text:"u8);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(input.Text ?? ""));
        }

        // Only when present, so a key stored before barge-in existed still matches its own retry.
        if (input.Interruption is { } heard)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"interrupted:{heard.AtMs}:{heard.HeardChars}"));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static string NotFoundDetail(string id) => $"No interview '{id}'. Start it with POST /session/start/{id}.";

    private static SessionResult<SessionState> NotFoundState(string id) => SessionResult<SessionState>.Fail(SessionError.NotFound, NotFoundDetail(id));

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId} started with plan {PlanId}")]
        public static partial void Started(ILogger logger, string interviewId, string planId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId} turn: stt {SttMs} ms, brain {BrainMs} ms, tts {TtsMs} ms, store {StoreMs} ms")]
        public static partial void TurnTimed(ILogger logger, string interviewId, long sttMs, long brainMs, long ttsMs, long storeMs);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The interviews list could not record interview {InterviewId}; it is repaired when read")]
        public static partial void IndexFailed(ILogger logger, Exception exception, string interviewId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Interview {InterviewId}: whether the turn committed is unknown, so its recording is kept")]
        public static partial void RecordingKept(ILogger logger, Exception ex, string interviewId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Speech-to-text unavailable for interview {InterviewId}; turn not committed")]
        public static partial void SpeechUnavailable(ILogger logger, Exception exception, string interviewId);
    }
}
