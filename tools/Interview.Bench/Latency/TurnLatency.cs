using System.Globalization;
using Interview.LoadTest.Local;

namespace Interview.Bench.Latency;

/// <summary>
/// How long a candidate waits after they stop speaking until the interviewer's first audio: today's buffered turn,
/// today's streamed turn (the reply in the old field order) and the new path (heard while spoken, the reply in the
/// schema's order, an acknowledgement first), side by side in one run (the paths rotate turn by turn), for a one- and a
/// two-sentence line, on two setups: the Azure providers as loopback fakes with their real latencies, and the real
/// offline engines (ffmpeg, pocketsphinx, flite) with the fake model.
/// </summary>
public static class TurnLatency
{
    private static readonly SpokenPath[] Paths = [SpokenPath.Buffered, SpokenPath.Streamed, SpokenPath.Live];

    public static async Task<int> RunAsync(string root, int interviews, int turns)
    {
        var scratch = Directory.CreateTempSubdirectory("interview-latency-").FullName;
        var (azurite, storage) = LocalStack.StartAzurite(root, scratch);
        using var azuriteProcess = azurite;
        await using var fakes = await ProviderFakes.StartAsync();
        var spoken = await Recordings.SpokenAsync(scratch);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Spoken turns, {interviews} interviews x {turns} turns per line, the paths rotating; ms from the end of speech\n"));
        Console.WriteLine("| setup | line | path | turns | first audio p50 | p90 | reply's own first audio p50 | first audio / buffered |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|");
        foreach (var (setup, speech) in new[] { ("Azure providers (loopback fakes)", "azure"),
            ("offline engines + fake model", "offline") })
        {
            var settings = new Dictionary<string, string?>
            {
                ["ASPNETCORE_URLS"] = null, ["Functions__Worker__HostEndpoint"] = null, ["Logging__LogLevel__Default"] = "Warning",
                ["Storage__ConnectionString"] = storage, ["Storage__AccountName"] = null,
                ["Storage__SessionsTable"] = $"latency{speech}", ["Evaluation__TaskHub"] = $"latency{speech}",
                ["Security__RateLimit__Enabled"] = "false", ["Speech__Provider"] = speech,
                ["AzureSpeech__SttEndpoint"] = fakes.BaseUrl.ToString(), ["AzureSpeech__TtsEndpoint"] = fakes.BaseUrl.ToString(),
                ["AzureSpeech__ApiKey"] = "bench", ["Interviewer__Brain"] = "azure-openai",
                ["AzureOpenAI__Endpoint"] = fakes.BaseUrl.ToString(), ["AzureOpenAI__Deployment"] = "bench",
                    ["AzureOpenAI__ApiKey"] = "bench",
            };
            var timings = await MeasureAsync(root, scratch, settings, fakes, spoken, speech, interviews, turns);
            foreach (var ((oneSentence, path), list) in timings)
            {
                var buffered = LocalStack.Median(timings[(oneSentence, SpokenPath.Buffered)].Select(t => t.FirstAudio));
                var any = list.Select(t => t.FirstAudio).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {setup} | {(oneSentence ? "one sentence" : "two sentences")} | {Name(path)} | {list.Count} | " +
                    $"{LocalStack.Median(any):F0} | {LocalStack.Percentile(any, 0.9):F0} | " +
                    $"{LocalStack.Median(list.Select(t => t.OwnFirstAudio)):F0} | " +
                    $"{LocalStack.Median(any) / buffered:F2} |"));
            }
        }

        Directory.Delete(scratch, recursive: true);
        return 0;
    }

    private static string Name(SpokenPath path) => path switch
    {
        SpokenPath.Buffered => "today, buffered",
        SpokenPath.Streamed => "today, streamed",
        _ => "heard while spoken, streamed",
    };

    private static async Task<Dictionary<(bool OneSentence, SpokenPath Path), List<TurnTiming>>> MeasureAsync(
        string root, string scratch, Dictionary<string, string?> settings, ProviderFakes fakes, Answer answer, string setup,
        int interviews, int turns)
    {
        using var app = await LocalStack.StartAppAsync(root, scratch, settings, setup);
        var http = app.Http;

        var results = new Dictionary<(bool, SpokenPath), List<TurnTiming>>();
        foreach (var oneSentence in new[] { true, false })
        {
            fakes.OneSentence = oneSentence;
            for (var i = 0; i < interviews; i++)
            {
                var id = $"lat-{setup}-{(oneSentence ? "one" : "two")}-{i}";
                (await http.PostAsync($"/session/start/{id}", null)).EnsureSuccessStatusCode();
                for (var t = 0; t < turns * Paths.Length; t++)
                {
                    // Rotate which path goes first, so none always meets a warmer app.
                    var path = Paths[(t + i) % Paths.Length];
                    fakes.LegacyOrder = path == SpokenPath.Streamed;
                    var timing = await SpokenTurn.RunAsync(http, id, answer, path, offline: setup == "offline");
                    // Today's streamed turn had no acknowledgement: its first audio was the reply's own.
                    timing = path == SpokenPath.Streamed ? timing with { FirstAudio = timing.OwnFirstAudio } : timing;
                    (results.TryGetValue((oneSentence, path), out var list) ? list : results[(oneSentence, path)] = []).Add(timing);
                }
            }
        }

        return results;
    }
}
