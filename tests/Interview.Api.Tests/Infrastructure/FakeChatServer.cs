using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Interview.Api.Tests.Infrastructure;

/// <summary>
/// A loopback stand-in for Azure OpenAI / OpenAI that speaks the Chat Completions wire protocol: it records every
/// request as sent by the real SDK and answers from a script (then from <see cref="Default"/>).
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _script = new();
    private readonly List<Recorded> _requests = [];

    private FakeChatServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Answers once the script is empty; by default a 500 so that an unexpected call is visible.</summary>
    public Func<Recorded, Reply> Default { get; set; } = _ => new Reply(500, """{"error":{"message":"unscripted"}}""");

    public IReadOnlyList<Recorded> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeChatServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.Single());
        return server;
    }

    public void Enqueue(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    /// <summary>A chat.completion whose message content is <paramref name="content"/> serialized as JSON (or verbatim when a string).</summary>
    public static Reply Completion(object content, int promptTokens = 400, int completionTokens = 60)
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
        return new Reply(200, body.ToJsonString());
    }

    /// <summary>A well-formed interviewer turn as the schema asks for it.</summary>
    public static Reply Turn(string action, string text, string? nextPhase = null, string? questionId = null, string[]? topics = null) =>
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

    public static Reply Error(int status, params (string Name, string Value)[] headers) =>
        new(status, JsonSerializer.Serialize(new { error = new { code = status.ToString(System.Globalization.CultureInfo.InvariantCulture), message = "simulated" } }), headers.ToDictionary(h => h.Name, h => h.Value));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var recorded = new Recorded(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            string.IsNullOrEmpty(body) ? new JsonObject() : JsonNode.Parse(body)!,
            DateTimeOffset.UtcNow);
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        var reply = _script.TryDequeue(out var next) ? next : Default(recorded);
        if (reply.Delay > TimeSpan.Zero)
        {
            // A hung model: hold the request until the client gives up.
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(reply.Body);
    }

    public sealed record Reply(int Status, string Body, IDictionary<string, string>? Headers = null, TimeSpan Delay = default);

    public sealed record Recorded(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, JsonNode Body, DateTimeOffset At)
    {
        /// <summary>The text of message <paramref name="index"/>, whether the SDK sent it as a string or as content parts.</summary>
        public string Message(int index)
        {
            var content = Body["messages"]![index]!["content"]!;
            return content is JsonArray parts ? string.Concat(parts.Select(p => (string?)p!["text"])) : (string)content!;
        }

        public string Role(int index) => (string)Body["messages"]![index]!["role"]!;
    }
}
