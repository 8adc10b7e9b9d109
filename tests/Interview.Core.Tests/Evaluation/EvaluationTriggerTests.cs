using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Evaluation;

public sealed class EvaluationTriggerTests
{
    private const string Id = "iv-1";

    private readonly FixedClock _clock = new();
    private readonly RecordingQueue _queue = new();
    private readonly InMemoryEvaluationStore _store;
    private readonly EvaluationTrigger _trigger;

    public EvaluationTriggerTests()
    {
        _store = new InMemoryEvaluationStore(_clock);
        _trigger = new EvaluationTrigger(_store, _queue, _clock);
    }

    [Fact]
    public async Task First_end_creates_version_one_and_enqueues_it_once()
    {
        await EndAsync();

        Assert.Equal([(Id, 1)], _queue.Messages);
        Assert.Equal(EvaluationStatus.Pending, (await _store.GetAsync(Id, 1, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Second_end_while_the_version_is_fresh_enqueues_nothing()
    {
        await EndAsync();
        _clock.Now += EvaluationTrigger.StaleAfter;

        await EndAsync();

        Assert.Single(_queue.Messages);
        Assert.Null(await _store.GetAsync(Id, 2, CancellationToken.None));
    }

    [Fact]
    public async Task Version_left_pending_past_stale_after_is_enqueued_again_once()
    {
        await EndAsync();
        _clock.Now += EvaluationTrigger.StaleAfter + TimeSpan.FromSeconds(1);

        await EndAsync();
        await EndAsync();

        Assert.Equal([(Id, 1), (Id, 1)], _queue.Messages);
    }

    [Fact]
    public async Task Rerun_creates_the_next_version_each_time_and_enqueues_it()
    {
        await EndAsync();

        var second = await _trigger.RerunAsync(Id, CancellationToken.None);
        var third = await _trigger.RerunAsync(Id, CancellationToken.None);

        Assert.Equal((2, 3), (second, third));
        Assert.Equal([(Id, 1), (Id, 2), (Id, 3)], _queue.Messages);
        Assert.NotNull(await _store.GetAsync(Id, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Rerun_of_an_interview_never_evaluated_creates_version_one()
    {
        Assert.Equal(1, await _trigger.RerunAsync(Id, CancellationToken.None));
        Assert.Equal([(Id, 1)], _queue.Messages);
    }

    [Theory]
    [InlineData(EvaluationStatus.Running)]
    [InlineData(EvaluationStatus.Completed)]
    [InlineData(EvaluationStatus.Failed)]
    public async Task Version_past_pending_is_never_enqueued_again(string status)
    {
        await EndAsync();
        await _store.SetStatusAsync(Id, 1, status, null, CancellationToken.None);
        _clock.Now += TimeSpan.FromHours(1);

        await EndAsync();
        await _trigger.RepairIfStuckAsync(await _store.GetAsync(Id, null, CancellationToken.None), CancellationToken.None);

        Assert.Single(_queue.Messages);
    }

    [Fact]
    public async Task Repair_of_no_evaluation_does_nothing()
    {
        await _trigger.RepairIfStuckAsync(null, CancellationToken.None);

        Assert.Empty(_queue.Messages);
    }

    private Task EndAsync()
    {
        var now = _clock.Now.UtcDateTime;
        var state = new SessionState(Id, "closing", [], [], [], 0, now, now, SessionStatus.Ended, "software-engineer", "Software Engineer", null, InterviewProgress.Empty);
        return _trigger.OnInterviewEndedAsync(state, CancellationToken.None);
    }
}
