using System.Text.Json;
using System.Text.Json.Nodes;

namespace Interview.Functions.Tests.Infrastructure;

/// <summary>Chat Completions answers as Azure OpenAI and OpenAI send them, for <see cref="FakeHttpServer"/>.</summary>
public static class ChatReplies
{
    /// <summary>A chat.completion whose message content is <paramref name="content"/> serialized as JSON (or verbatim when a string).</summary>
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
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens },
        };
        return new FakeHttpServer.Reply(200, body.ToJsonString());
    }

    /// <summary>A well-formed interviewer turn as the schema asks for it.</summary>
    public static FakeHttpServer.Reply Turn(string action, string text, string? nextPhase = null, string? questionId = null, string[]? topics = null) =>
        Completion(new Dictionary<string, object?>
        {
            ["action_type"] = action,
            ["reasoning"] = "scripted",
            ["next_phase"] = nextPhase,
            ["question_id"] = questionId,
            ["text"] = text,
            ["topics_covered"] = topics ?? [],
            ["insights"] = new[] { "Gave a scripted answer" },
        });

    public static FakeHttpServer.Reply Error(int status, params (string Name, string Value)[] headers) =>
        new(status, JsonSerializer.Serialize(new { error = new { code = status.ToString(System.Globalization.CultureInfo.InvariantCulture), message = "simulated" } }), headers.ToDictionary(h => h.Name, h => h.Value));
}
