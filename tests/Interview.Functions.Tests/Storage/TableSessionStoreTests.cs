using Interview.Core.Plans;
using Interview.Core.Telemetry;
using Interview.Functions.Tests.Infrastructure;
using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Interview.Functions.Startup;

namespace Interview.Functions.Tests.Storage;

/// <summary>The Table Storage layout against a real Azurite: round trips, ETag conflicts, idempotency records.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableSessionStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly InterviewApp _app = new(azurite);
    private ISessionStore _store = null!;
    private InterviewerAgent _agent = null!;
    private PinnedPlan _plan = null!;

    public async Task InitializeAsync()
    {
        _ = _app.Server; // starts the host, which creates the table in the background: these tests skip the HTTP edge that waits for it
        await _app.Services.GetRequiredService<StartupWork>().WhenReady(StartupWork.Storage);
        _store = _app.Services.GetRequiredService<ISessionStore>();
        _agent = _app.Services.GetRequiredService<InterviewerAgent>();
        _plan = (await _app.Services.GetRequiredService<PlanLibrary>().FindAsync(PlanCatalog.DefaultPlanId, null, default))!;
    }

    [Fact]
    public async Task Saved_session_loads_back_equal_in_one_round_trip()
    {
        var (_, started) = await _agent.StartInterviewAsync("store-1", new StartOptions("Ada", null, null), _plan, new TurnClock("test"),
            null, default);
        await _store.SaveAsync(null, started, null, default);
        var loaded = await _store.LoadAsync("store-1", null, default);
        var (_, answered) = await _agent.ProcessTurnAsync(TurnInput.FromText("I built a cache that cut latency by 40 percent at my last " +
            "job."), loaded!.State, new TurnClock("test"), null, default);
        await _store.SaveAsync(loaded, answered, null, default);

        var reloaded = (await _store.LoadAsync("store-1", null, default))!.State;
        AssertSameState(answered, reloaded);
    }

    [Fact]
    public async Task Candidate_questions_survive_the_round_trip()
    {
        var (_, started) = await _agent.StartInterviewAsync("store-5", new StartOptions(), _plan, new TurnClock("test"), null, default);
        var (_, asked) = await _agent.ProcessTurnAsync(TurnInput.FromText("What are the next steps after this interview?"), started,
            new TurnClock("test"), null, default);
        await _store.SaveAsync(null, asked, null, default);

        var reloaded = (await _store.LoadAsync("store-5", null, default))!.State;
        Assert.NotEmpty(asked.CandidateQuestions);
        Assert.Equal(asked.CandidateQuestions, reloaded.CandidateQuestions);
    }

    [Fact]
    public async Task Second_save_from_the_same_load_conflicts_and_leaves_the_first_intact()
    {
        var (_, started) = await _agent.StartInterviewAsync("store-2", new StartOptions(), _plan, new TurnClock("test"), null, default);
        await _store.SaveAsync(null, started, null, default);
        var a = (await _store.LoadAsync("store-2", null, default))!;
        var b = (await _store.LoadAsync("store-2", null, default))!;
        var (_, afterA) = await _agent.ProcessTurnAsync(TurnInput.FromText("answer A"), a.State, new TurnClock("test"), null, default);
        var (_, afterB) = await _agent.ProcessTurnAsync(TurnInput.FromText("answer B"), b.State, new TurnClock("test"), null, default);

        await _store.SaveAsync(a, afterA, null, default);
        await Assert.ThrowsAsync<SessionConflictException>(() => _store.SaveAsync(b, afterB, null, default));

        var stored = (await _store.LoadAsync("store-2", null, default))!.State;
        Assert.Equal(3, stored.ConversationHistory.Count);
        Assert.Equal("answer A", stored.ConversationHistory[1].Content);
    }

    [Fact]
    public async Task Creating_an_existing_session_conflicts()
    {
        var (_, started) = await _agent.StartInterviewAsync("store-3", new StartOptions(), _plan, new TurnClock("test"), null, default);
        await _store.SaveAsync(null, started, null, default);
        await Assert.ThrowsAsync<SessionConflictException>(() => _store.SaveAsync(null, started, null, default));
    }

    [Fact]
    public async Task Idempotency_record_returns_the_state_as_it_was_after_that_turn()
    {
        var (_, started) = await _agent.StartInterviewAsync("store-4", new StartOptions(), _plan, new TurnClock("test"), null, default);
        await _store.SaveAsync(null, started, null, default);
        var loaded = (await _store.LoadAsync("store-4", "key-1", default))!;
        Assert.Null(loaded.Replay);

        var (response, answered) =
            await _agent.ProcessTurnAsync(TurnInput.FromText("first answer"), loaded.State, new TurnClock("test"), null, default);
        await _store.SaveAsync(loaded, answered,
            new IdempotencyRecord("key-1", "AB12", new TurnOutcome(response, answered, new TurnTimings(1, 2, 3, 0))), default);
        var next = (await _store.LoadAsync("store-4", null, default))!;
        var (_, later) = await _agent.ProcessTurnAsync(TurnInput.FromText("second answer"), next.State, new TurnClock("test"),
            null, default);
        await _store.SaveAsync(next, later, null, default);

        var replay = (await _store.LoadAsync("store-4", "key-1", default))!.Replay!;
        Assert.Equal("AB12", replay.Fingerprint);
        Assert.Equal(response, replay.Outcome.Response);
        Assert.Equal(new TurnTimings(1, 2, 3, 0), replay.Outcome.Timings);
        AssertSameState(answered, replay.Outcome.State);
        Assert.Null((await _store.LoadAsync("store-4", "key-2", default))!.Replay);
    }

    [Fact]
    public async Task Unknown_session_loads_as_null()
    {
        Assert.Null(await _store.LoadAsync("store-missing", "any-key", default));
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static void AssertSameState(SessionState expected, SessionState actual)
    {
        Assert.Equal(expected
            with { ConversationHistory = [], TopicsCovered = [], Insights = [], Progress = InterviewProgress.Empty,
            CandidateQuestions = [] },
            actual with { ConversationHistory = [], TopicsCovered = [], Insights = [], Progress = InterviewProgress.Empty,
                CandidateQuestions = [] });
        Assert.Equal(expected.CandidateQuestions, actual.CandidateQuestions);
        Assert.Equal(expected.ConversationHistory, actual.ConversationHistory);
        Assert.Equal(expected.TopicsCovered, actual.TopicsCovered);
        Assert.Equal(expected.Insights, actual.Insights);
        Assert.Equal(expected.Progress.AskedQuestionIds, actual.Progress.AskedQuestionIds);
        Assert.Equal(expected.Progress with { AskedQuestionIds = [] }, actual.Progress with { AskedQuestionIds = [] });
    }
}
