using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Microsoft.DurableTask.Client;

namespace Interview.Core.Tests.Evaluation;

/// <summary>The evaluation orchestrator and its activities on the real Durable Task engine, in memory.</summary>
public sealed class EvaluationOrchestratorTests
{
    private static readonly string[] PlanOrder =
        ["system_design", "coding_practices", "problem_solving", "collaboration", "leadership", "learning"];

    [Fact]
    public async Task Fan_out_scores_each_competency_once_and_fan_in_stores_one_report()
    {
        var evaluator = new RecordingEvaluator(new RulesEvaluator());
        await using var host = await OrchestrationHost.StartAsync(evaluator);
        await host.EndedInterviewAsync("iv-1", Transcripts.StrongAnswers);

        var run = await host.RunAsync("iv-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Equal(PlanOrder.Order(), evaluator.Calls.Order());
        var report = (await host.Reports.GetAsync("iv-1", 1, CancellationToken.None))!;
        Assert.Equal(PlanOrder.Order(), report.Competencies.Select(c => c.Name));
        Assert.Equal(new EvaluationOutcome(1, report.Overall.Score, report.Overall.Recommendation), run.ReadOutputAs<EvaluationOutcome>());
        Assert.Equal(new EvaluationProgress(EvaluationProgress.Storing, 6, 6), run.ReadCustomStatusAs<EvaluationProgress>());
        // Dated by the orchestration's clock: between its creation and its last step.
        Assert.InRange(report.CreatedAt, run.CreatedAt.UtcDateTime.AddSeconds(-1), run.LastUpdatedAt.UtcDateTime.AddSeconds(1));
    }

    [Fact]
    public async Task Transient_failure_of_one_competency_is_retried_to_success()
    {
        var evaluator = new RecordingEvaluator(new RulesEvaluator()) { FailOnceOn = "learning" };
        await using var host = await OrchestrationHost.StartAsync(evaluator);
        await host.EndedInterviewAsync("iv-2", Transcripts.StrongAnswers);

        var run = await host.RunAsync("iv-2");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Equal(2, evaluator.Calls.Count(c => c == "learning"));
        Assert.All(PlanOrder.Where(c => c != "learning"), c => Assert.Single(evaluator.Calls, c));
        Assert.NotNull(await host.Reports.GetAsync("iv-2", 1, CancellationToken.None));
    }

    [Fact]
    public async Task Interview_that_cannot_be_evaluated_fails_at_once_with_its_reason()
    {
        var evaluator = new RecordingEvaluator(new RulesEvaluator());
        await using var host = await OrchestrationHost.StartAsync(evaluator);
        await host.EndedInterviewAsync("iv-3", Transcripts.StrongAnswers, SessionStatus.Active);

        var started = DateTime.UtcNow;
        var running = await host.RunAsync("iv-3");
        var missing = await host.RunAsync("nobody");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, running.RuntimeStatus);
        Assert.Contains("still running", running.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, missing.RuntimeStatus);
        Assert.Contains("has no stored session", missing.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        // Not retried: the first retry would come after a second.
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(1.5), "a permanent failure was retried");
        Assert.Empty(evaluator.Calls);
        Assert.Equal(0, host.Reports.Saves);
    }

    [Fact]
    public async Task Replays_change_nothing_whatever_order_competencies_finish_in()
    {
        // The first run finishes competencies in plan order, the second in reverse: the reports must be the same.
        var forward = await RunWithDelaysAsync(i => i);
        var backward = await RunWithDelaysAsync(i => PlanOrder.Length - i);

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(forward.Report with { CreatedAt = default }),
            System.Text.Json.JsonSerializer.Serialize(backward.Report with { CreatedAt = default }));
        // The orchestrator is replayed after every step, yet its replay-safe log says "started" once per run.
        Assert.Single(forward.Logs, l => l.Contains("started", StringComparison.Ordinal));
        Assert.Single(forward.Logs, l => l.Contains("completed", StringComparison.Ordinal));
    }

    private static async Task<(EvaluationReport Report, List<string> Logs)> RunWithDelaysAsync(Func<int, int> order)
    {
        var evaluator = new DelayingEvaluator(new RulesEvaluator(), c
            => TimeSpan.FromMilliseconds(60 * order(Array.IndexOf(PlanOrder, c))));
        await using var host = await OrchestrationHost.StartAsync(evaluator);
        await host.EndedInterviewAsync("iv-4", Transcripts.StrongAnswers);

        var run = await host.RunAsync("iv-4");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        var logs = host.Logs.Lines.Where(l => l.Category.EndsWith(nameof(EvaluationOrchestrator), StringComparison.Ordinal)).Select(l
            => l.Message).ToList();
        return ((await host.Reports.GetAsync("iv-4", 1, CancellationToken.None))!, logs);
    }
}
