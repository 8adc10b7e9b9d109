using System.Net;
using Interview.Functions.Tests.Infrastructure;
using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Plans;
using Interview.Functions.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Evaluation;

/// <summary>
/// At-least-once delivery, crashes and poison: messages handed to the handler the queue-trigger function calls, or
/// delivered by the standalone listener, against real queues and tables on Azurite.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EvaluationDeliveryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Message_delivered_twice_produces_one_report()
    {
        using var app = EvaluationApp.Create(azurite, listener: false);
        var client = app.CreateClient();
        await client.InterviewAndEndAsync("dup-1", EvaluationApp.Strong);
        var message = (await app.Queue().PeekMessagesAsync()).Value.Single().Body.ToString();

        Assert.Equal(EvaluationHandler.Outcome.Done, await app.DeliverAsync(message, 1));
        var first = await client.ReportAsync("dup-1");
        Assert.Equal(EvaluationHandler.Outcome.Done, await app.DeliverAsync(message, 1));
        var second = await client.ReportAsync("dup-1");

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(["v001"], (await app.RowKeysAsync("dup-1", "v")).Where(k => !k.Contains('.', StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Crash_between_competency_steps_resumes_from_checkpoints_on_redelivery()
    {
        var evaluator = new CrashOnceEvaluator("learning");
        using var app = EvaluationApp.Create(azurite, listener: false, s => s.AddSingleton<ICompetencyEvaluator>(evaluator));
        var client = app.CreateClient();
        await client.InterviewAndEndAsync("crash-1", EvaluationApp.Strong);
        var message = (await app.Queue().PeekMessagesAsync()).Value.Single().Body.ToString();

        Assert.Equal(EvaluationHandler.Outcome.Retry, await app.DeliverAsync(message, 1));
        var checkpointed = (await app.RowKeysAsync("crash-1", "v001.c.")).Select(k => k["v001.c.".Length..]).ToList();
        Assert.NotEmpty(checkpointed);
        Assert.DoesNotContain("learning", checkpointed);
        Assert.Equal("running", (string)(await (await client.GetAsync("/session/evaluation/crash-1")).JsonAsync(HttpStatusCode.Accepted))["status"]!);

        evaluator.Calls.Clear();
        Assert.Equal(EvaluationHandler.Outcome.Done, await app.DeliverAsync(message, 2));

        Assert.Empty(evaluator.Calls.Intersect(checkpointed));
        Assert.Contains("learning", evaluator.Calls);
        var report = await client.ReportAsync("crash-1");
        Assert.Equal(6, report["competencies"]!.AsArray().Count);
    }

    [Fact]
    public async Task Message_that_keeps_failing_goes_to_the_poison_queue_and_the_report_says_failed()
    {
        using var app = EvaluationApp.Create(azurite, listener: true, s => s.AddSingleton<ICompetencyEvaluator>(new CrashOnceEvaluator("system_design", always: true)));
        var client = app.CreateClient();
        await client.InterviewAndEndAsync("poison-1", EvaluationApp.Strong);

        var failed = await client.WaitForStatusAsync("poison-1", "failed");

        Assert.Contains("Gave up after 2 attempts", (string)failed["reason"]!, StringComparison.Ordinal);
        var poisoned = (await app.Queue(poison: true).PeekMessagesAsync(10)).Value;
        Assert.Contains("poison-1", Assert.Single(poisoned).Body.ToString(), StringComparison.Ordinal);
        Assert.Empty((await app.Queue().PeekMessagesAsync(10)).Value);
    }

    [Fact]
    public async Task Malformed_message_is_poison_at_once()
    {
        using var app = EvaluationApp.Create(azurite, listener: false);

        Assert.Equal(EvaluationHandler.Outcome.Poison, await app.DeliverAsync("not an evaluation message", 1));
    }

    /// <summary>Rules scoring, except that <paramref name="competency"/> throws (once, or always): a crash mid-run.</summary>
    private sealed class CrashOnceEvaluator(string competency, bool always = false) : ICompetencyEvaluator
    {
        private readonly RulesEvaluator _rules = new();
        private bool _crashed;

        public System.Collections.Concurrent.ConcurrentBag<string> Calls { get; } = [];

        public string Name => "rules";

        public string PromptVersion => "none";

        public Task<CompetencyScore> ScoreAsync(InterviewPlan plan, Competency c, IReadOnlyList<ConversationTurn> transcript, CancellationToken ct)
        {
            Calls.Add(c.Name);
            if (c.Name == competency && (always || !_crashed))
            {
                _crashed = true;
                throw new InvalidOperationException($"Simulated crash while scoring {c.Name}.");
            }

            return _rules.ScoreAsync(plan, c, transcript, ct);
        }
    }
}
