using System.Globalization;
using System.Text.Json;
using Interview.Core.Plans;
using Interview.LoadTest;
using Interview.LoadTest.Clients;
using Interview.LoadTest.Local;
using Interview.LoadTest.Results;
using Interview.LoadTest.Run;
using Interview.Personas.Model;
using Interview.Personas.Results;

namespace Interview.Personas.Run;

/// <summary>
/// Starts Azurite and the app (and for the model brain the fake model), plays every persona at once, prints the table
/// and exits 1 when an expectation fails. The evaluation runs as in production, with the rules evaluator in both runs,
/// so the two tables score the same way and differ only in who ran the interview.
/// </summary>
public static class PersonaRun
{
    public static async Task<int> RunAsync(PersonaOptions options, TextWriter output, CancellationToken ct)
    {
        var plan = PlanCatalog.LoadEmbedded().Get(PlanCatalog.DefaultPlanId);
        var mind = options.Brain == "model" ? new RulesModel(plan) : null;
        var model = mind is null ? null : await FakeChatModel.StartAsync(failureRate: 0, mind.Answer);
        var settings = new Dictionary<string, string?> { ["Evaluation__Evaluator"] = "rules" };
        if (model is not null)
        {
            settings["Interviewer__Brain"] = "openai-compatible";
            settings["OpenAICompatible__BaseUrl"] = model.BaseUrl.ToString();
            settings["OpenAICompatible__Model"] = "rules-in-a-fake";
            settings["OpenAICompatible__ApiKey"] = "x";
            // The app's defaults rather than the load test's 1 s: a cold first call on a busy machine must not time out, or the
            // fake never sees a turn the app then answers by its rules, and its shadow of that interview is lost.
            settings["Interviewer__CallTimeout"] = "00:00:12";
            settings["Interviewer__RetryBudget"] = "00:00:20";
        }

        var local = new LoadOptions { RepoRoot = options.RepoRoot, AppDll = options.AppDll, LogsDirectory = options.LogsDirectory,
            AzuriteInMemory = true };
        await using var environment =
            await LocalEnvironment.StartAsync(local, options.RepoRoot ?? LoadRun.RepoRoot(), model, settings, $"personas-{options.Brain}");
        using var http = new HttpClient { BaseAddress = environment.AppUrl, Timeout = Timeout.InfiniteTimeSpan };
        var api = new ApiClient(http, new RunCounters());
        var runId = Guid.NewGuid().ToString("N")[..8];
        var deadline = DateTimeOffset.UtcNow + options.Timeout;
        await output.WriteLineAsync(
            $"personas, {options.Brain} brain, rules evaluator: {options.Personas.Count} interviews against {environment.AppUrl}, turn " +
                $"cap {options.TurnCap}");

        var outcomes = await Task.WhenAll(options.Personas.Select(p
            => new PersonaInterview(p, plan, api, runId, options.Streamed).RunAsync(options.TurnCap, deadline, ct)));
        var rows = outcomes.Select(o => PersonaRow.Of(o, plan)).ToList();
        var failures = Expectations.Failures(rows, options.Ranking);
        var fake = mind is null ? null
            : new { model!.Calls, mind.ServerErrors, mind.InvalidReplies, mind.CutOff, mind.ForcedFallbacks, mind.Unplaced };
        if (mind is not null)
        {
            // The point of this run is the app's model path: an interview it never asked the model about proves nothing.
            failures = [.. failures,
                .. rows.Where(r => r.Failure is null && r.ModelCalls == 0).Select(r => $"{r.Persona}: the app made no model call"),
                .. mind.Unplaced > 0 ? [$"fake model: {mind.Unplaced} call(s) it could not place in an interview (its shadow lost track)"]
                    : Array.Empty<string>()];
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(PersonaRow.TableHeader);
        foreach (var row in rows)
        {
            await output.WriteLineAsync(row.TableRow());
        }

        await output.WriteLineAsync();
        if (options.Streamed)
        {
            // A reset: a later part of the streamed reply proved it invalid, and the line started over (docs/api.md).
            var (turns, reset) = (outcomes.Sum(o => o.Turns), outcomes.Sum(o => o.Resets));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"- streamed replies: {turns}; started over (reset): {reset} ({(turns == 0 ? 0 : (double)reset / turns):P1})"));
        }

        if (fake is not null)
        {
            await output.WriteLineAsync($"- fake model: {fake.Calls} calls, {fake.ServerErrors} answered 500, " +
                $"{fake.InvalidReplies} invalid replies, {fake.CutOff} cut off after the text, " +
                $"{fake.ForcedFallbacks} turns left to the app's rules fallback; " +
                $"the app's model_usage: {rows.Sum(r => r.ModelCalls)} calls, " +
                $"{rows.Sum(r => r.ModelFallbacks)} turns answered by its rules fallback");
        }

        foreach (var failure in failures)
        {
            await output.WriteLineAsync($"- FAILED {failure}");
        }

        await output.WriteLineAsync(failures.Count == 0 ? "RESULT: PASS" : "RESULT: FAIL");
        environment.KeepLogs = failures.Count > 0 || options.LogsDirectory is not null;
        if (environment.KeepLogs)
        {
            await output.WriteLineAsync($"app and Azurite output: {environment.LogsDirectory}");
        }

        if (options.JsonPath is { } json)
        {
            var result = new { options.Brain, Rows = rows, Failures = failures, Passed = failures.Count == 0, FakeModel = fake };
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }), ct);
        }

        return failures.Count == 0 ? 0 : 1;
    }
}
