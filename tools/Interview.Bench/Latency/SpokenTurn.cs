using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Interview.Core.Agent;

namespace Interview.Bench.Latency;

/// <summary>How a spoken answer becomes a turn.</summary>
public enum SpokenPath
{
    /// <summary>Today's buffered turn: the recording uploads when the candidate stops, the reply comes whole.</summary>
    Buffered,

    /// <summary>Today's streamed turn: the recording uploads, the reply streams in the old field order.</summary>
    Streamed,

    /// <summary>
    /// Heard while spoken: Azure Speech in the page (the final phrase goes as the turn's transcript), or offline the
    /// server hearing the recording's chunks as they come (the turn names the stream); the reply streams in the new order.
    /// </summary>
    Live,
}

/// <summary>A recorded answer: its bytes, its length as spoken, and its words (what live recognition finalises).</summary>
public sealed record Answer(byte[] Bytes, string ContentType, TimeSpan Length, string Words);

/// <summary>Milliseconds from the end of the candidate's speech to the interviewer's first audio, and to the reply's own.</summary>
public sealed record TurnTiming(double FirstAudio, double OwnFirstAudio);

/// <summary>One spoken turn on one path, timed from the end of speech.</summary>
public static class SpokenTurn
{
    /// <summary>
    /// Azure live recognition's final phrase arrives this long after the end of speech: what the SDK-protocol fake sends
    /// (tests/browser/azure-speech-fake.mjs), and close to the Chromium test's release → turn sent (275 ms p50).
    /// </summary>
    public static readonly TimeSpan FinalPhrase = TimeSpan.FromMilliseconds(250);

    /// <summary>The page records in slices this long and sends each as it is made (listening.js).</summary>
    public static readonly TimeSpan Chunk = TimeSpan.FromMilliseconds(250);

    public static async Task<TurnTiming> RunAsync(HttpClient http, string id, Answer answer, SpokenPath path, bool offline)
    {
        var form = new MultipartFormDataContent();
        var audio = new ByteArrayContent(answer.Bytes);
        audio.Headers.ContentType = new MediaTypeHeaderValue(answer.ContentType);
        form.Add(audio, "audio", "blob");
        long endOfSpeech;
        if (path == SpokenPath.Live && offline)
        {
            endOfSpeech = await SpeakToServerAsync(http, id, answer, form);
        }
        else
        {
            endOfSpeech = Stopwatch.GetTimestamp();
        }

        if (path == SpokenPath.Live && !offline)
        {
            await Task.Delay(FinalPhrase);
            form.Add(new StringContent(answer.Words), "transcript");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/session/turn/{id}") { Content = form };
        if (path != SpokenPath.Buffered)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return path == SpokenPath.Buffered ? await WholeAsync(response, endOfSpeech) : await FirstAudioAsync(response, endOfSpeech);
    }

    /// <summary>
    /// The recording's chunks at the pace it was spoken, as the page sends them while the candidate speaks; the end of
    /// speech is when the last one goes. The turn then names the stream.
    /// </summary>
    private static async Task<long> SpeakToServerAsync(HttpClient http, string id, Answer answer, MultipartFormDataContent form)
    {
        var count = (int)Math.Ceiling(answer.Length / Chunk);
        var size = (answer.Bytes.Length + count - 1) / count;
        var streamId = $"bench{Guid.NewGuid():N}"[..24];
        var started = Stopwatch.GetTimestamp();
        var chunks = answer.Bytes.Chunk(size).ToList();
        long last = 0;
        for (var seq = 0; seq < chunks.Count; seq++)
        {
            var due = Chunk * (seq + 1) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            last = Stopwatch.GetTimestamp();
            var body = new ByteArrayContent(chunks[seq]);
            (await http.PostAsync($"/session/listen/{id}?stream_id={streamId}&seq={seq}", body)).EnsureSuccessStatusCode();
        }

        form.Add(new StringContent(streamId), "stream_id");
        return last;
    }

    /// <summary>A buffered reply: its audio is there when the whole response is.</summary>
    private static async Task<TurnTiming> WholeAsync(HttpResponseMessage response, long endOfSpeech)
    {
        await response.Content.ReadAsByteArrayAsync();
        var done = Stopwatch.GetElapsedTime(endOfSpeech).TotalMilliseconds;
        return new TurnTiming(done, done);
    }

    /// <summary>A streamed reply: the first audio event, and the first that is not an acknowledgement.</summary>
    private static async Task<TurnTiming> FirstAudioAsync(HttpResponseMessage response, long endOfSpeech)
    {
        double any = double.NaN, own = double.NaN;
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var audio = false;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (audio && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var at = Stopwatch.GetElapsedTime(endOfSpeech).TotalMilliseconds;
                any = double.IsNaN(any) ? at : any;
                var text = (string?)JsonNode.Parse(line["data: ".Length..])?["text"];
                own = double.IsNaN(own) && !Acknowledgement.Phrases.Contains(text?.Trim()) ? at : own;
            }

            audio = line == "event: audio";
        }

        return new TurnTiming(any, own);
    }
}
