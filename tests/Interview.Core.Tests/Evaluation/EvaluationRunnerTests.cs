using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Plans;
using Interview.Core.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interview.Core.Tests.Evaluation;

public sealed class EvaluationRunnerTests
{
    private const string Id = "iv-1";
    private static readonly string[] PlanOrder = ["system_design", "coding_practices", "problem_solving", "collaboration", "leadership", "learning"];

    private readonly FixedClock _clock = new();
    private readonly InMemoryEvaluationStore _store;
    private readonly InMemorySessionStore _sessions = new();

    public EvaluationRunnerTests() => _store = new InMemoryEvaluationStore(_clock);

    [Fact]
    public async Task Run_completes_a_report_with_every_competency_of_the_plan()
    {
        await ArrangeAsync();

        await Runner(new RulesEvaluator()).RunAsync(Id, 1, CancellationToken.None);

        var record = (await _store.GetAsync(Id, 1, CancellationToken.None))!;
        Assert.Equal(EvaluationStatus.Completed, record.Status);
        Assert.Equal(EvaluationStatus.Completed, record.Report!.Status);
        Assert.Equal(PlanOrder.Order(), record.Report.Competencies.Select(c => c.Name));
        Assert.Equal(_clock.Now.UtcDateTime, record.Report.CreatedAt);
    }

    [Fact]
    public async Task Repeated_run_of_a_completed_version_changes_nothing()
    {
        await ArrangeAsync();
        var evaluator = new RecordingEvaluator(new RulesEvaluator());
        await Runner(evaluator).RunAsync(Id, 1, CancellationToken.None);
        var first = (await _store.GetAsync(Id, 1, CancellationToken.None))!.Report;

        await Runner(evaluator).RunAsync(Id, 1, CancellationToken.None);

        Assert.Equal(6, evaluator.Calls.Count);
        Assert.Same(first, (await _store.GetAsync(Id, 1, CancellationToken.None))!.Report);
    }

    // learning is last in plan order, so by the time it is taken (and fails) every other competency has been taken too.
    [Fact]
    public async Task Crash_mid_run_leaves_checkpoints_for_the_finished_competencies_and_status_running()
    {
        await ArrangeAsync();
        var evaluator = new RecordingEvaluator(new RulesEvaluator()) { FailOnceOn = "learning" };

        await Assert.ThrowsAsync<TimeoutException>(() => Runner(evaluator).RunAsync(Id, 1, CancellationToken.None));

        Assert.Equal(PlanOrder[..5].Order(), (await _store.CheckpointsAsync(Id, 1, CancellationToken.None)).Keys.Order());
        Assert.Equal(EvaluationStatus.Running, (await _store.GetAsync(Id, 1, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Redelivery_after_a_crash_scores_only_the_competencies_without_checkpoints()
    {
        await ArrangeAsync();
        var evaluator = new RecordingEvaluator(new RulesEvaluator()) { FailOnceOn = "learning" };
        await Assert.ThrowsAsync<TimeoutException>(() => Runner(evaluator).RunAsync(Id, 1, CancellationToken.None));
        var callsBefore = evaluator.Calls.Count;

        await Runner(evaluator).RunAsync(Id, 1, CancellationToken.None);

        Assert.Equal(["learning"], evaluator.Calls.Skip(callsBefore));
        var record = (await _store.GetAsync(Id, 1, CancellationToken.None))!;
        Assert.Equal(EvaluationStatus.Completed, record.Status);
        Assert.Equal(6, record.Report!.Competencies.Count);
    }

    [Fact]
    public async Task Giving_up_marks_the_version_failed_with_the_reason_and_later_runs_leave_it_alone()
    {
        await ArrangeAsync();
        var evaluator = new RecordingEvaluator(new RulesEvaluator());

        await Runner(evaluator).GiveUpAsync(Id, 1, "The model was unavailable on every delivery.", CancellationToken.None);
        await Runner(evaluator).RunAsync(Id, 1, CancellationToken.None);

        var record = (await _store.GetAsync(Id, 1, CancellationToken.None))!;
        Assert.Equal((EvaluationStatus.Failed, "The model was unavailable on every delivery."), (record.Status, record.Reason));
        Assert.Empty(evaluator.Calls);
        Assert.Null(record.Report);
    }

    [Fact]
    public async Task Fabricated_quotes_are_dropped_and_their_scores_capped_and_flagged_in_the_stored_report()
    {
        await ArrangeAsync();
        var fabricator = new FixedEvaluator(c => new CompetencyScore(c.Name, 5, "Outstanding.", [new Citation(1, "I single-handedly invented Kubernetes")]));

        await Runner(fabricator).RunAsync(Id, 1, CancellationToken.None);

        var report = (await _store.GetAsync(Id, 1, CancellationToken.None))!.Report!;
        Assert.All(report.Competencies, c =>
        {
            Assert.Equal(CitationCheck.UnsupportedCap, c.Score);
            Assert.Empty(c.Evidence);
            Assert.NotNull(c.Flagged);
        });
        Assert.Equal("strong_no", report.Overall.Recommendation);
    }

    [Fact]
    public async Task Running_a_version_that_was_never_created_throws()
    {
        await ArrangeAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Runner(new RulesEvaluator()).RunAsync(Id, 2, CancellationToken.None));
    }

    private EvaluationRunner Runner(ICompetencyEvaluator evaluator) =>
        new(_store, _sessions, PlanCatalog.LoadEmbedded(), evaluator, _clock, NullLogger<EvaluationRunner>.Instance);

    /// <summary>An ended interview with the strong transcript, and its version 1 created as the trigger would.</summary>
    private async Task ArrangeAsync()
    {
        var now = _clock.Now.UtcDateTime;
        var state = new SessionState(
            Id, "closing", Transcripts.Of(Transcripts.StrongAnswers), [], [], 4, now, now, SessionStatus.Ended,
            PlanCatalog.DefaultPlanId, "Software Engineer", "Ada", InterviewProgress.Empty);
        await _sessions.SaveAsync(null, state, null, CancellationToken.None);
        Assert.True(await _store.TryCreateAsync(Id, 1, CancellationToken.None));
    }
}
