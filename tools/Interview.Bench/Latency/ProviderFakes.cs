using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Interview.LoadTest.Local;
using Microsoft.AspNetCore.Http;

namespace Interview.Bench.Latency;

/// <summary>
/// Azure OpenAI and Azure AI Speech on loopback, as slow as the real ones: the model's first token after 500 ms, then
/// 40 tokens a second (streamed or, unstreamed, all at the end); transcription of an answer in 600 ms; synthesis in
/// 150 ms plus 20 ms a word. Each request's time is recorded, so the app's own overhead can be told apart. The model
/// writes its reply in the order of the schema it was sent, as a real one does, or in the order the schema had before
/// the checked fields moved ahead of the text (<see cref="LegacyOrder"/>), and says a one- or two-sentence line.
/// </summary>
public sealed class ProviderFakes : IAsyncDisposable
{
    public static readonly TimeSpan FirstToken = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan PerToken = TimeSpan.FromMilliseconds(25);
    public static readonly TimeSpan Transcription = TimeSpan.FromMilliseconds(600);

    private LoopbackServer _server = null!;
    private int _lines;


    public Uri BaseUrl => _server.Url;

    /// <summary>Reply in the old order: action_type, text, reasoning, next_phase, question_id, topics, insights,
    /// candidate_question.</summary>
    public bool LegacyOrder { get; set; }

    /// <summary>Say a one-sentence question (most questions) rather than a three-sentence line.</summary>
    public bool OneSentence { get; set; }

    /// <summary>When each provider request arrived and how long it took to answer, by kind (chat, stt, tts).</summary>
    public ConcurrentQueue<(string Kind, DateTime At, TimeSpan Took)> Served { get; } = new();

    public static async Task<ProviderFakes> StartAsync()
    {
        var fakes = new ProviderFakes();
        fakes._server = await LoopbackServer.StartAsync(fakes.HandleAsync);
        return fakes;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var at = DateTime.UtcNow;
        var path = http.Request.Path.Value ?? "";
        var kind = path.Contains("chat/completions", StringComparison.Ordinal) ? "chat"
            : path.Contains("speechtotext", StringComparison.Ordinal) ? "stt" : "tts";
        switch (kind)
        {
            case "chat":
                await ChatAsync(http);
                break;
            case "stt":
                await Task.Delay(Transcription);
                await http.Response.WriteAsJsonAsync(new { durationMilliseconds = 5000, combinedPhrases = new[] { new { text = "I " +
                    "profiled the checkout service and cut p95 latency from 900 to 180 milliseconds." } } });
                break;
            default:
                var ssml = await new StreamReader(http.Request.Body).ReadToEndAsync();
                var words = System.Text.RegularExpressions.Regex.Replace(ssml, "<[^>]+>", " ").Split(' ',
                    StringSplitOptions.RemoveEmptyEntries).Length;
                await Task.Delay(TimeSpan.FromMilliseconds(150 + (20 * words)));
                http.Response.ContentType = "audio/mpeg";
                await http.Response.Body.WriteAsync(Mp3(words));
                break;
        }

        Served.Enqueue((kind, at, Stopwatch.GetElapsedTime(started)));
    }

    private async Task ChatAsync(HttpContext http)
    {
        var body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!;
        var n = Interlocked.Increment(ref _lines);
        var fields = new Dictionary<string, object?>
        {
            ["action_type"] = "new_question",
            ["text"] = OneSentence
                ? $"What would you measure first if checkout problem {n} came back tomorrow?"
                : $"Thanks, that helps me see how you work with point {n}. What would you measure first if the same problem came back " +
                    "tomorrow?",
            ["reasoning"] = "A new angle on the same skill.",
            ["next_phase"] = null,
            ["question_id"] = null,
            ["topics_covered"] = Array.Empty<string>(),
            ["insights"] = new[] { "Measures before acting" },
            ["candidate_question"] = null,
        };
        var order = LegacyOrder
            ? fields.Keys
            : body["response_format"]?["json_schema"]?["schema"]?["properties"]?.AsObject().Select(p => p.Key) ?? fields.Keys;
        var content = JsonSerializer.Serialize(order.ToDictionary(k => k, k => fields[k]));
        var tokens = content.Length / 4;
        if (body["stream"]?.GetValue<bool>() != true)
        {
            await Task.Delay(FirstToken + (PerToken * tokens));
            await http.Response.WriteAsJsonAsync(Completion(content, tokens));
            return;
        }

        http.Response.ContentType = "text/event-stream";
        await Task.Delay(FirstToken);
        for (var i = 0; i < content.Length; i += 4)
        {
            await Chunk(http, new JsonObject { ["content"] = content.Substring(i, Math.Min(4, content.Length - i)) }, null);
            await Task.Delay(PerToken);
        }

        await Chunk(http, new JsonObject(), "stop");
        await http.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static async Task Chunk(HttpContext http, JsonObject delta, string? finish)
    {
        var chunk = new JsonObject
        {
            ["id"] = "chatcmpl-bench", ["object"] = "chat.completion.chunk", ["created"] = 1_700_000_000, ["model"] = "gpt-4o-mini",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        };
        await http.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n");
        await http.Response.Body.FlushAsync();
    }

    private static JsonObject Completion(string content, int tokens) => new()
    {
        ["id"] = "chatcmpl-bench", ["object"] = "chat.completion", ["created"] = 1_700_000_000, ["model"] = "gpt-4o-mini",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0, ["finish_reason"] = "stop", ["logprobs"] = null,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 1500, ["completion_tokens"] = tokens, ["total_tokens"] = 1500 + tokens },
    };

    /// <summary>MPEG audio frames (sync word first), about a word's worth each: enough for the app to store and join.</summary>
    private static byte[] Mp3(int words)
        => [.. Enumerable.Range(0, Math.Max(1, words)).SelectMany(_ => new byte[] { 0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0 })];
}
