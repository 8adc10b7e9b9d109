using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Interview.LoadTest.Clients;
using Interview.LoadTest.Local;
using Interview.LoadTest.Results;

namespace Interview.LoadTest.Run;

/// <summary>Starts what is needed, runs every interview at once with a fault if asked, verifies the store, reports.</summary>
public static class LoadRun
{
    private static readonly TimeSpan VerifyBudget = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(LoadOptions options, TextWriter output, CancellationToken ct)
    {
        await using var environment = options.Url is null
            ? await LocalEnvironment.StartAsync(options, options.RepoRoot ?? RepoRoot()) : null;
        using var http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        {
            BaseAddress = options.Url ?? environment!.AppUrl,
            Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own timeout
        };

        var counters = new RunCounters();
        var api = new ApiClient(http, counters);
        var runId = Guid.NewGuid().ToString("N")[..8];
        var interviews = Enumerable.Range(0, options.Interviews).Select(i => new SimulatedInterview(i, runId, api, counters)).ToList();
        var planned = options.Interviews * options.Turns;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{LoadOptions.FaultName(options.Fault)}: {options.Interviews} interviews x {options.Turns} turns against " +
                $"{http.BaseAddress}, deadline {options.Timeout}, ids load-{runId}-NNNN"));

        var machine = Machine() + (options.Url is not null ? "" : options.AzuriteInMemory ? "; Azurite in memory" : "; Azurite on disk " +
            "(temp --location, saved every 5 s)")
            + string.Create(CultureInfo.InvariantCulture, $"; think time {options.Think.TotalMilliseconds:F0} ms");
        var cpuBefore = CpuAccount.Take(environment);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var deadline = DateTimeOffset.UtcNow + options.Timeout;
        var clock = Stopwatch.StartNew();
        var fault = FaultInjector.RunAsync(options.Fault, environment, counters, planned, run);
        var progress = ReportProgressAsync(counters, planned, clock, run.Token);
        await Task.WhenAll(interviews.Select(i => i.RunAsync(options.Turns, options.Think, deadline, run.Token)));
        var duration = clock.Elapsed;
        machine += "; " + CpuAccount.Describe(cpuBefore, CpuAccount.Take(environment), duration);
        await run.CancelAsync();
        var (injected, faultDescription) = await fault;
        await progress;
        ct.ThrowIfCancellationRequested();

        var verification = await Verifier.VerifyAsync(interviews, api, VerifyBudget, ct);
        var (firstAttempt, overall) = counters.Latencies();
        if (environment?.Model is { } model)
        {
            faultDescription += string.Create(CultureInfo.InvariantCulture,
                $"; model calls {model.Calls}: {model.Throttled} answered 429, {model.Failed} answered 500");
        }

        var result = new RunResult(
            LoadOptions.FaultName(options.Fault)
                + (options.Think > TimeSpan.Zero
                ? string.Create(CultureInfo.InvariantCulture, $", think {options.Think.TotalMilliseconds:F0} ms") : ""), options.Interviews,
                options.Turns, counters.Turns, duration.TotalSeconds,
            Percentiles.Of(firstAttempt), Percentiles.Of(overall), counters.Retries, counters.RetriesByCause.ToDictionary(),
            counters.Fallbacks, interviews.Count(i => i.Failure is not null), counters.FailuresByCause.ToDictionary(),
            interviews.Count(i => i.Concluded), faultDescription, injected, machine, verification);

        await output.WriteLineAsync();
        await output.WriteLineAsync(RunResult.TableHeader);
        await output.WriteLineAsync(result.TableRow());
        await output.WriteLineAsync();
        await output.WriteLineAsync(result.Details());
        if (environment is not null && (!result.Passed || options.LogsDirectory is not null))
        {
            environment.KeepLogs = true;
            await output.WriteLineAsync($"app and Azurite output: {environment.LogsDirectory}");
        }

        if (options.JsonPath is { } json)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }), ct);
        }

        return result.Passed ? 0 : 1;
    }

    private static async Task ReportProgressAsync(RunCounters counters, int planned, Stopwatch clock, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {clock.Elapsed.TotalSeconds:F0} s: {counters.Turns} of {planned} turns, {counters.Retries} retries"));
            }
        }
        catch (OperationCanceledException)
        {
            // the run is over
        }
    }

    private static string Machine() => string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores");

    /// <summary>The repository this tool was built in, or the one the current directory is in.</summary>
    public static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "InterviewFunctions.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (InterviewFunctions.sln); pass --repo.");
    }
}
