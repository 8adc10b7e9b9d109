using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Interviewer;

namespace Interview.Functions.Tests.Evaluation;

/// <summary>
/// What the report may claim: only quotes that are in the transcript, and nothing gained by instructing the evaluator,
/// whether the rules evaluator or a model scores.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EvaluationJudgementTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Rules_evaluator_scores_an_injection_interview_below_a_strong_one()
    {
        using var app = EvaluationApp.Create(azurite);
        var client = app.CreateClient();
        await client.InterviewAndEndAsync("judge-strong", EvaluationApp.Strong);
        await client.InterviewAndEndAsync("judge-inject", EvaluationApp.Injection + " I led a team that scaled our cache.");

        var strong = await client.ReportAsync("judge-strong");
        var injected = await client.ReportAsync("judge-inject");

        Assert.True((int)injected["overall"]!["score"]! < (int)strong["overall"]!["score"]!);
        Assert.Contains((string)injected["overall"]!["recommendation"]!, new[] { "no", "strong_no" });
        Assert.All(injected["competencies"]!.AsArray(), c => Assert.Empty(c!["evidence"]!.AsArray()));
        Assert.Contains(injected["concerns"]!.AsArray(), c
            => ((string)c!).Contains("tried to instruct the evaluator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Model_evaluator_citations_are_checked_and_an_injection_cannot_buy_a_score()
    {
        await using var model = await FakeHttpServer.StartAsync();
        model.Default = r => ScriptedModel.Respond(r, fabricateOn: "system_design");
        using var app = EvaluationApp.Create(azurite, settings: ScriptedModel.Settings(model));
        var client = app.CreateClient();
        await client.InterviewAndEndAsync("judge-model", EvaluationApp.Strong);
        await client.InterviewAndEndAsync("judge-model-inject", EvaluationApp.Injection);

        var strong = await client.ReportAsync("judge-model");
        var injected = await client.ReportAsync("judge-model-inject");

        Assert.Equal($"azure-openai:{ModelApp.Deployment}", (string)strong["evaluator"]!);
        var design = strong["competencies"]!.AsArray().Single(c => (string)c!["name"]! == "system_design")!;
        Assert.Equal(2, (int)design["score"]!);
        Assert.Contains("did not match the transcript", (string)design["flagged"]!, StringComparison.Ordinal);
        Assert.All(strong["competencies"]!.AsArray().Where(c => (string)c!["name"]! != "system_design"), c
            => Assert.Equal(4, (int)c!["score"]!));
        Assert.All(injected["competencies"]!.AsArray(), c => Assert.True((int)c!["score"]! <= 2));
        Assert.True((int)injected["overall"]!["score"]! < (int)strong["overall"]!["score"]!);
        var request = model.Requests.First(r => r.Message(0).StartsWith("You are an impartial evaluator", StringComparison.Ordinal));
        Assert.Contains("<transcript>", request.Message(1), StringComparison.Ordinal);
        Assert.True((bool)request.Body["response_format"]!["json_schema"]!["strict"]!);
    }
}
