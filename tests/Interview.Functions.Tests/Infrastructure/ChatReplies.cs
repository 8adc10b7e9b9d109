using System.Text.Json;
using System.Text.Json.Nodes;

namespace Interview.Functions.Tests.Infrastructure;

/// <summary>Chat Completions answers as Azure OpenAI and OpenAI send them, for <see cref="FakeHttpServer"/>.</summary>
public static class ChatReplies
{
    /// <summary>
    /// A chat.completion whose message content is <paramref name="content"/> serialized as JSON (or verbatim when a string).
    /// </summary>
    public static FakeHttpServer.Reply Completion(object content, int promptTokens = 400, int completionTokens = 60)
    {
        var text = content as string ?? JsonSerializer.Serialize(content);
        var body = new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = "gpt-4o-mini",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text, ["refusal"] = null },
                ["finish_reason"] = "stop",
                ["logprobs"] = null,
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens,
                ["total_tokens"] = promptTokens + completionTokens },
        };
        return new FakeHttpServer.Reply(200, body.ToJsonString());
    }

    /// <summary>A well-formed interviewer turn as the schema asks for it.</summary>
    public static FakeHttpServer.Reply Turn(string action, string text, string? nextPhase = null, string? questionId = null,
        string[]? topics = null) =>
        Completion(TurnJson(action, text, nextPhase, questionId, topics));

    /// <summary>
    /// A well-formed interviewer turn streamed as Chat Completions chunks (server-sent events), in the schema's order,
    /// <paramref name="chars"/> characters of content per chunk, <paramref name="pause"/> before each.
    /// </summary>
    public static FakeHttpServer.Reply StreamedTurn(string action, string text, int chars = 24, TimeSpan pause = default,
        string? questionId = null) =>
        Streamed(TurnJson(action, text, null, questionId, []), chars, pause);

    /// <summary>
    /// <paramref name="head"/> streamed, then nothing until <paramref name="hold"/> completes, then <paramref name="tail"/>:
    /// a model still writing the notes after its words, for as long as a test needs.
    /// </summary>
    public static FakeHttpServer.Reply Held(string head, Func<Task> hold, string tail)
    {
        var whole = Streamed(head + tail, chars: head.Length + tail.Length);
        var parts = whole.Stream!.ToList();
        var content = (JsonObject)JsonNode.Parse(parts[1].Text["data: ".Length..])!;
        parts.RemoveAt(1);
        parts.Insert(1, (TimeSpan.Zero, Content(content, head)));
        parts.Insert(2, (TimeSpan.Zero, Content(content, tail)));
        return whole with { Stream = parts, Hold = (2, hold) };

        static string Content(JsonObject chunk, string text)
        {
            var copy = (JsonObject)chunk.DeepClone();
            copy["choices"]![0]!["delta"]!["content"] = text;
            return $"data: {copy.ToJsonString()}\n\n";
        }
    }

    /// <summary>Any content, streamed as chunks; what a model sends when asked to stream.</summary>
    public static FakeHttpServer.Reply Streamed(string content, int chars = 24, TimeSpan pause = default)
    {
        static string Event(JsonObject chunk) => $"data: {chunk.ToJsonString()}\n\n";
        static JsonObject Chunk(JsonNode? delta, string? finish) => new()
        {
            ["id"] = "chatcmpl-test", ["object"] = "chat.completion.chunk", ["created"] = 1_700_000_000, ["model"] = "gpt-4o-mini",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        };

        var parts = new List<(TimeSpan,
            string)> { (TimeSpan.Zero, Event(Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null))) };
        for (var i = 0; i < content.Length; i += chars)
        {
            parts.Add((pause, Event(Chunk(new JsonObject { ["content"] = content.Substring(i, Math.Min(chars, content.Length - i)) },
                null))));
        }

        parts.Add((TimeSpan.Zero, Event(Chunk(new JsonObject(), "stop"))));
        var usage = Chunk(null, null);
        usage["choices"] = new JsonArray();
        usage["usage"] = new JsonObject { ["prompt_tokens"] = 400, ["completion_tokens"] = content.Length / 4, ["total_tokens"] = 400
            + (content.Length / 4) };
        parts.Add((TimeSpan.Zero, Event(usage) + "data: [DONE]\n\n"));
        return new FakeHttpServer.Reply(200, "") { ContentType = "text/event-stream", Stream = parts };
    }

    /// <summary>An interviewer turn's JSON in the schema's property order (what the checks need, the words, then the notes).</summary>
    public static string TurnJson(string action, string text, string? nextPhase = null, string? questionId = null,
        string[]? topics = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["action_type"] = action,
            ["next_phase"] = nextPhase,
            ["question_id"] = questionId,
            ["candidate_question"] = null,
            ["text"] = text,
            ["reasoning"] = "scripted",
            ["topics_covered"] = topics ?? [],
            ["insights"] = new[] { "Gave a scripted answer" },
        });

    public static FakeHttpServer.Reply Error(int status, params (string Name, string Value)[] headers) =>
        new(status, JsonSerializer.Serialize(new { error =
            new { code = status.ToString(System.Globalization.CultureInfo.InvariantCulture), message = "simulated" } }),
            headers.ToDictionary(h => h.Name, h => h.Value));
}
