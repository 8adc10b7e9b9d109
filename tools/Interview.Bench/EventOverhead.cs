using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Interview.LoadTest.Local;

namespace Interview.Bench;

/// <summary>
/// What publishing hiring events adds to a candidate's requests: a start and an end, on an app with no webhook and on one
/// with three subscribed (loopback trackers answering 204), side by side in one run (the two apps take turns, request by
/// request). Rules brain, no speech, so the figures are the app's own work. A third app with three subscriptions waits, before
/// each end, until the trackers have the start's messages: what is left is the publishing itself, not the Durable engine
/// delivering the start's events on the same two cores at that moment.
/// </summary>
public static class EventOverhead
{
    public static async Task<int> RunAsync(string root, int interviews)
    {
        var scratch = Directory.CreateTempSubdirectory("interview-events-").FullName;
        var (azurite, storage) = LocalStack.StartAzurite(root, scratch);
        using var azuriteProcess = azurite;
        var trackers = new List<LoopbackServer>();
        var received = 0;
        for (var i = 0; i < 3; i++)
        {
            trackers.Add(await LoopbackServer.StartAsync(context =>
            {
                Interlocked.Increment(ref received);
                context.Response.StatusCode = 204;
                return Task.CompletedTask;
            }));
        }

        var apps = new Dictionary<string, RunningApp>();
        foreach (var (name, subscribed) in new[] { ("none", 0), ("three", 3), ("three, settled", 3) })
        {
            var table = $"events{apps.Count}";
            var app = apps[name] = await LocalStack.StartAppAsync(root, scratch, new Dictionary<string, string?>
            {
                ["Functions__Worker__HostEndpoint"] = null, ["Logging__LogLevel__Default"] = "Warning",
                ["Storage__ConnectionString"] = storage, ["Storage__AccountName"] = null, ["Security__RateLimit__Enabled"] = "false",
                ["Storage__SessionsTable"] = table, ["Evaluation__TaskHub"] = table,
                ["Speech__Provider"] = "none", ["Interviewer__Brain"] = "rules",
            }, table);
            foreach (var tracker in trackers.Take(subscribed))
            {
                (await app.Http.PostAsJsonAsync("/manage/webhooks", new
                {
                    url = new Uri(tracker.Url, "/hooks").ToString(),
                    events = new[] { "interview.started", "interview.ended", "evaluation.completed" },
                })).EnsureSuccessStatusCode();
            }
        }

        var timings = apps.Keys.ToDictionary(k => k, _ => (Start: new List<double>(), End: new List<double>()));
        for (var i = -2; i < interviews; i++) // two rounds to warm up, not counted
        {
            foreach (var (name, app) in apps)
            {
                var id = $"events-{i + 2}";
                var before = Volatile.Read(ref received);
                var start = await TimeAsync(() => app.Http.PostAsync($"/session/start/{id}", null));
                if (name.EndsWith("settled", StringComparison.Ordinal))
                {
                    await SettledAsync(() => Volatile.Read(ref received) >= before + 3);
                }

                var end = await TimeAsync(() => app.Http.DeleteAsync($"/session/state/{id}"));
                if (i >= 0)
                {
                    timings[name].Start.Add(start);
                    timings[name].End.Add(end);
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Publishing hiring events: {interviews} starts and ends per app, the apps taking turns; ms\n"));
        Console.WriteLine("| webhooks subscribed | start p50 | start p90 | end p50 | end p90 | start / none | end / none |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, (start, end)) in timings)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {LocalStack.Median(start):F1} | {LocalStack.Percentile(start, 0.9):F1} | {LocalStack.Median(end):F1} | " +
                $"{LocalStack.Percentile(end, 0.9):F1} | {LocalStack.Median(start) / LocalStack.Median(timings["none"].Start):F2} | " +
                $"{LocalStack.Median(end) / LocalStack.Median(timings["none"].End):F2} |"));
        }

        foreach (var app in apps.Values)
        {
            app.Dispose();
        }

        foreach (var tracker in trackers)
        {
            await tracker.DisposeAsync();
        }

        Directory.Delete(scratch, recursive: true);
        return 0;
    }

    /// <summary>Polls until <paramref name="done"/>, for at most 30 s.</summary>
    private static async Task SettledAsync(Func<bool> done)
    {
        var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        while (!done() && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(20);
        }
    }

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> request)
    {
        var started = Stopwatch.GetTimestamp();
        (await request()).EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
