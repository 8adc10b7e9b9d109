using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Interview.LoadTest.Local;

/// <summary>What a scripted fake says to one call: a status code, and for 200 the assistant message's content.</summary>
public sealed record FakeAnswer(int Status, string? Content);

/// <summary>
/// A loopback Azure OpenAI (or OpenAI-compatible) Chat Completions that fails a share of calls: half of the failures are
/// 429 with Retry-After: 0, half are 500. The rest get a valid interviewer turn (always a new question) with token usage,
/// or, given a script, whatever the script answers to the request.
/// </summary>
public sealed class FakeChatModel : IAsyncDisposable
{
    private static readonly string[] Questions =
    [
        "Tell me about a time you had to trade speed against quality.",
        "How would you design a rate limiter for a public API?",
        "What did you learn from the last production incident you handled?",
        "How do you decide when a service should be split in two?",
        "Describe how you would make a payment retry safe.",
    ];

    private readonly double _failureRate;
    private readonly Func<JsonNode, FakeAnswer>? _script;
    private int _calls, _throttled, _failed;

    private LoopbackServer _server = null!;

    private FakeChatModel(double failureRate, Func<JsonNode, FakeAnswer>? script) => (_failureRate, _script) = (failureRate, script);

    public Uri BaseUrl => _server.Url;

    public int Calls => Volatile.Read(ref _calls);

    public int Throttled => Volatile.Read(ref _throttled);

    public int Failed => Volatile.Read(ref _failed);

    /// <param name="script">Answers each request body (the chat completions JSON) itself; null for the fixed new question.</param>
    public static async Task<FakeChatModel> StartAsync(double failureRate, Func<JsonNode, FakeAnswer>? script = null)
    {
        var model = new FakeChatModel(failureRate, script);
        model._server = await LoopbackServer.StartAsync(model.HandleAsync);
        return model;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = _script is null ? null : await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        if (request is null)
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }

        var call = Interlocked.Increment(ref _calls);
        var roll = Random.Shared.NextDouble();
        var answer = roll < _failureRate ? new FakeAnswer(roll < _failureRate / 2 ? 429 : 500, null)
            : request is not null ? _script!(request) : new FakeAnswer(200, FixedTurn(call));
        context.Response.ContentType = "application/json";
        if (answer.Status != 200)
        {
            var throttle = answer.Status == 429;
            Interlocked.Increment(ref throttle ? ref _throttled : ref _failed);
            context.Response.StatusCode = answer.Status;
            if (throttle)
            {
                context.Response.Headers.RetryAfter = "0";
            }

            var error = new JsonObject { ["error"] =
                new JsonObject { ["code"] = context.Response.StatusCode.ToString(CultureInfo.InvariantCulture),
                ["message"] = "simulated" } };
            await context.Response.WriteAsync(error.ToJsonString());
            return;
        }

        if (request?["stream"]?.GetValue<bool>() == true)
        {
            await StreamAsync(context, answer.Content!, call);
            return;
        }

        var body = new JsonObject
        {
            ["id"] = $"chatcmpl-{call}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = "gpt-4o-mini",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer.Content, ["refusal"] = null },
                ["finish_reason"] = "stop",
                ["logprobs"] = null,
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 400, ["completion_tokens"] = 60, ["total_tokens"] = 460 },
        };
        await context.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>The same content as Chat Completions streams it: server-sent chunks of a few characters, then [DONE].</summary>
    private static async Task StreamAsync(HttpContext context, string content, int call)
    {
        context.Response.ContentType = "text/event-stream";
        for (var i = 0; i <= content.Length; i += 8)
        {
            var last = i + 8 > content.Length;
            var delta = last ? new JsonObject() : new JsonObject { ["content"] = content.Substring(i, 8) };
            if (last && i < content.Length)
            {
                delta["content"] = content[i..];
            }

            var chunk = new JsonObject
            {
                ["id"] = $"chatcmpl-{call}", ["object"] = "chat.completion.chunk", ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["model"] = "gpt-4o-mini",
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = last ? "stop" : null }),
            };
            await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n");
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static string FixedTurn(int call)
    {
        var turn = new Dictionary<string, object?>
        {
            ["action_type"] = "new_question",
            ["reasoning"] = "fake model: next question",
            ["next_phase"] = null,
            ["question_id"] = null,
            ["text"] = string.Create(CultureInfo.InvariantCulture, $"Thanks. {Questions[call % Questions.Length]} (model call {call})"),
            ["topics_covered"] = Array.Empty<string>(),
            ["insights"] = Array.Empty<string>(),
        };
        return JsonSerializer.Serialize(turn);
    }
}
