using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Interview.LoadTest.Local;

namespace Interview.Bench.Latency;

/// <summary>
/// How long a candidate waits after the last byte of their answer is sent: until the first audio of a streamed turn,
/// against the whole of a buffered one. Spoken answers, side by side in one run (turns rotate between the kinds), on two
/// setups: the Azure providers as loopback fakes with their real latencies, and the real offline engines (flite,
/// pocketsphinx) with the fake model. On the Azure setup each line length (one sentence, three) is measured buffered,
/// streamed with the reply in the old order (text second, the checked fields after it: the last sentence waits for the
/// whole reply) and streamed in the schema's order (the last sentence goes when the text closes).
/// </summary>
public static class TurnLatency
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static async Task<int> RunAsync(string root, int interviews, int turns)
    {
        var scratch = Directory.CreateTempSubdirectory("interview-latency-").FullName;
        var ports = (Blob: Loopback.FreePort(), Queue: Loopback.FreePort(), Table: Loopback.FreePort());
        using var azurite = ChildProcess.Start("node",
            [Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js"), "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose",
             "--blobHost", "127.0.0.1", "--blobPort", $"{ports.Blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{ports.Queue}",
             "--tableHost", "127.0.0.1", "--tablePort", $"{ports.Table}"],
            new Dictionary<string, string?>(), scratch, Path.Combine(scratch, "azurite.log"));
        await using var fakes = await ProviderFakes.StartAsync();
        var storage = string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{ports.Blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ports.Queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{ports.Table}/devstoreaccount1;");
        var silence = Wav(seconds: 5);
        var spoken = await SpeakAsync(scratch, "I have five years of experience building distributed systems and leading a team.");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Spoken turns, {interviews} interviews x {turns} turns per line length, the kinds rotating (ms, from the last byte of the answer sent)\n"));
        Console.WriteLine("| setup | line | turns each | buffered: reply complete p50 | streamed, old order: first audio p50 | streamed, new order: first audio p50 | new order / buffered | new order: done p50 | app time beyond providers p50 (buffered) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (setup, speech, answer) in new[] { ("Azure providers (loopback fakes)", "azure", silence), ("offline engines (flite, pocketsphinx) + fake model", "offline", spoken) })
        {
            var settings = new Dictionary<string, string?>
            {
                ["ASPNETCORE_URLS"] = null, ["Functions__Worker__HostEndpoint"] = null, ["Logging__LogLevel__Default"] = "Warning",
                ["Storage__ConnectionString"] = storage, ["Storage__AccountName"] = null,
                ["Storage__SessionsTable"] = $"latency{speech}", ["Evaluation__TaskHub"] = $"latency{speech}",
                ["Security__RateLimit__Enabled"] = "false", ["Speech__Provider"] = speech,
                ["AzureSpeech__SttEndpoint"] = fakes.BaseUrl.ToString(), ["AzureSpeech__TtsEndpoint"] = fakes.BaseUrl.ToString(), ["AzureSpeech__ApiKey"] = "bench",
                ["Interviewer__Brain"] = "azure-openai", ["AzureOpenAI__Endpoint"] = fakes.BaseUrl.ToString(), ["AzureOpenAI__Deployment"] = "bench", ["AzureOpenAI__ApiKey"] = "bench",
            };
            Kind[] kinds = speech == "azure" ? [Kind.Buffered, Kind.OldOrder, Kind.NewOrder] : [Kind.Buffered, Kind.NewOrder];
            bool[] lines = speech == "azure" ? [true, false] : [false];
            var results = await MeasureAsync(root, scratch, settings, fakes, answer, speech, interviews, turns, kinds, lines);
            foreach (var (oneSentence, result) in results)
            {
                string P50(List<double> values) => values.Count == 0 ? "-" : Median(values).ToString("F0", CultureInfo.InvariantCulture);
                var overhead = double.IsNaN(Median(result.Overhead)) ? "n/a (engines run in the app)" : P50(result.Overhead);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {setup} | {(oneSentence ? "one sentence" : "three sentences")} | {result.Buffered.Count} | {P50(result.Buffered)} | {P50(result.OldOrder)} | {P50(result.FirstAudio)} | {Median(result.FirstAudio) / Median(result.Buffered):F2} | {P50(result.Done)} | {overhead} |"));
            }
        }

        Directory.Delete(scratch, recursive: true);
        return 0;
    }

    private enum Kind
    {
        Buffered,
        OldOrder,
        NewOrder,
    }

    private sealed record Result(List<double> Buffered, List<double> OldOrder, List<double> FirstAudio, List<double> Done, List<double> Overhead);

    private static async Task<List<(bool OneSentence, Result Result)>> MeasureAsync(
        string root, string scratch, Dictionary<string, string?> settings, ProviderFakes fakes, byte[] answer, string setup, int interviews, int turns,
        Kind[] kinds, bool[] lines)
    {
        var url = new Uri($"http://127.0.0.1:{Loopback.FreePort()}");
        settings["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');
        var dll = Path.Combine(root, "src", "Interview.Local", "bin", "Release", "net10.0", "Interview.Local.dll");
        using var app = ChildProcess.Start("dotnet", [dll], settings, scratch, Path.Combine(scratch, $"app-{setup}.log"));
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await HealthyAsync(http))
        {
            if (app.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The app did not start:\n{app.Tail()}");
            }

            await Task.Delay(100);
        }

        var results = new List<(bool, Result)>();
        foreach (var oneSentence in lines)
        {
            fakes.OneSentence = oneSentence;
            var result = new Result([], [], [], [], []);
            for (var i = 0; i < interviews; i++)
            {
                var id = $"lat-{setup}-{(oneSentence ? "one" : "three")}-{i}";
                fakes.LegacyOrder = false;
                (await http.PostAsync($"/session/start/{id}", null)).EnsureSuccessStatusCode();
                for (var t = 0; t < turns; t++)
                {
                    // Rotate which kind goes first, so none always meets a warmer app.
                    var kind = kinds[(t + i) % kinds.Length];
                    fakes.LegacyOrder = kind == Kind.OldOrder;
                    var served = fakes.Served.Count;
                    var (firstAudio, done) = await TurnAsync(http, id, answer, streamed: kind != Kind.Buffered);
                    switch (kind)
                    {
                        case Kind.OldOrder:
                            result.OldOrder.Add(firstAudio);
                            break;
                        case Kind.NewOrder:
                            result.FirstAudio.Add(firstAudio);
                            result.Done.Add(done);
                            break;
                        default:
                            result.Buffered.Add(done);
                            var providers = fakes.Served.Skip(served).Sum(s => s.Took.TotalMilliseconds);
                            result.Overhead.Add(setup == "azure" ? done - providers : double.NaN);
                            break;
                    }
                }
            }

            results.Add((oneSentence, result));
        }

        return results;
    }

    /// <summary>One spoken turn; times in ms from the moment the last byte of the answer was written.</summary>
    private static async Task<(double FirstAudio, double Done)> TurnAsync(HttpClient http, string id, byte[] answer, bool streamed)
    {
        var part = new ByteArrayContent(answer);
        part.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        var upload = new TimedContent(new MultipartFormDataContent { { part, "audio", "blob" } });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/session/turn/{id}") { Content = upload };
        if (streamed)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        double firstAudio = double.NaN;
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            if (double.IsNaN(firstAudio) && line == "event: audio")
            {
                firstAudio = Stopwatch.GetElapsedTime(upload.Finished).TotalMilliseconds;
            }
        }

        return (firstAudio, Stopwatch.GetElapsedTime(upload.Finished).TotalMilliseconds);
    }

    private static async Task<bool> HealthyAsync(HttpClient http)
    {
        try
        {
            return (await http.GetAsync("/health")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>A real spoken answer, made by flite: what the offline speech-to-text will hear.</summary>
    private static async Task<byte[]> SpeakAsync(string scratch, string text)
    {
        var path = Path.Combine(scratch, "answer.wav");
        using var flite = Process.Start(new ProcessStartInfo("flite") { ArgumentList = { "-t", text, "-o", path } })!;
        await flite.WaitForExitAsync();
        return await File.ReadAllBytesAsync(path);
    }

    private static byte[] Wav(int seconds)
    {
        var data = 16_000 * 2 * seconds;
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream);
        w.Write("RIFF"u8); w.Write(36 + data); w.Write("WAVE"u8); w.Write("fmt "u8); w.Write(16); w.Write((short)1); w.Write((short)1);
        w.Write(16_000); w.Write(32_000); w.Write((short)2); w.Write((short)16); w.Write("data"u8); w.Write(data); w.Write(new byte[data]);
        return stream.ToArray();
    }

    /// <summary>Request content that notes when its last byte was written: the end of the candidate's upload.</summary>
    private sealed class TimedContent : HttpContent
    {
        private readonly HttpContent _inner;

        public TimedContent(HttpContent inner)
        {
            _inner = inner;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        public long Finished { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await _inner.CopyToAsync(stream);
            await stream.FlushAsync();
            Finished = Stopwatch.GetTimestamp();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
