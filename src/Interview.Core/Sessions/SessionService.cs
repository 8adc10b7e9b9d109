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
/// concluding turn or DELETE) commits the evaluation version it asks for; the function edge then starts it. Turns are
/// <see cref="TurnRunner"/>'s; the start, reads, the end and evaluation requests are here.
/// </summary>
public sealed class SessionService(
    ISessionStore store,
    InterviewerAgent agent,
    AudioGate audioGate,
    PlanLibrary plans,
    IInterviewIndex index,
    TimeProvider clock,
    ILogger<SessionService> logger)
{
    private readonly TurnRunner _turns = new(store, agent, audioGate, index, logger);

    public async Task<SessionResult<TurnOutcome>> StartAsync(string interviewId, StartOptions options, CancellationToken ct)
    {
        var planId = options.PlanId ?? PlanCatalog.DefaultPlanId;
        if (await plans.FindAsync(planId, null, ct) is not { } pinned)
        {
            return SessionResult<TurnOutcome>.Fail(SessionError.UnknownPlan,
                $"There is no interview plan '{planId}'. GET /manage/plans lists them.");
        }

        if (await store.LoadAsync(interviewId, null, ct) is { } existing)
        {
            return Greeting(existing.State);
        }

        var timer = new TurnClock(interviewId);
        var (response, state) = await agent.StartInterviewAsync(interviewId, options, pinned, timer, null, ct);
        try
        {
            using (timer.Stage(TurnStage.Store))
            {
                // Listed before it exists: a crash after the commit cannot leave a started interview off the list.
                await index.MarkStartingAsync(state, ct);
                await store.SaveAsync(null, state, null, ct);
            }

            SessionLog.Started(logger, interviewId, state.PlanId);
            await index.RecordLoggedAsync(state, logger, ct);
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

    public Task<SessionResult<TurnOutcome>> TurnAsync(string interviewId, TurnInput input, string? idempotencyKey,
        CancellationToken ct) => _turns.TurnAsync(interviewId, input, idempotencyKey, ct);

    /// <inheritdoc cref="TurnRunner.PrepareTurnAsync"/>
    public Task<SessionResult<PreparedTurn>> PrepareTurnAsync(string interviewId, TurnInput input, string? idempotencyKey,
        CancellationToken ct) => _turns.PrepareTurnAsync(interviewId, input, idempotencyKey, ct);

    /// <inheritdoc cref="TurnRunner.RunTurnAsync"/>
    public Task<SessionResult<TurnOutcome>> RunTurnAsync(PreparedTurn turn, ITurnEvents? events, CancellationToken ct) =>
        _turns.RunTurnAsync(turn, events, ct);

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
            : s.WithFirstEvaluation() with { Status = SessionStatus.Ended, LastUpdated = clock.GetUtcNow().UtcDateTime }, ct);
        if (ended.Value is { } state)
        {
            await index.RecordLoggedAsync(state, logger, ct); // repeated on every DELETE: a lost update of the list is made good here too
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
    private async Task<SessionResult<SessionState>> CommitAsync(string interviewId, Func<SessionState, SessionResult<SessionState>> change,
        CancellationToken ct)
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

    private static SessionResult<TurnOutcome> Greeting(SessionState state)
    {
        if (state.Status != SessionStatus.Active)
        {
            return SessionResult<TurnOutcome>.Fail(SessionError.AlreadyEnded,
                $"Interview {state.InterviewId} is {state.Status.ToString().ToLowerInvariant()}; it cannot be started again.");
        }

        var greeting = state.ConversationHistory[0];
        var action = new AgentAction(greeting.ActionType ?? ActionType.NewQuestion,
            "Interview already started: the opening greeting again", null);
        return new TurnOutcome(new AgentResponse(greeting.Content, greeting.AudioRef, action, true), state, TurnTimings.None);
    }

    internal static string NotFoundDetail(string id) => $"No interview '{id}'. Start it with POST /session/start/{id}.";

    private static SessionResult<SessionState> NotFoundState(string id)
        => SessionResult<SessionState>.Fail(SessionError.NotFound, NotFoundDetail(id));

}
