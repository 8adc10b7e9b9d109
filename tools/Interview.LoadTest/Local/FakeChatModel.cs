using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Interview.LoadTest.Local;

/// <summary>
/// A loopback Azure OpenAI Chat Completions that fails a share of calls: half of the failures are 429 with
/// Retry-After: 0, half are 500. The rest get a valid interviewer turn (always a new question) with token usage.
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

    private readonly WebApplication _app;
    private readonly double _failureRate;
    private int _calls, _throttled, _failed;

    private FakeChatModel(WebApplication app, double failureRate) => (_app, _failureRate) = (app, failureRate);

    public Uri BaseUrl { get; private set; } = null!;

    public int Calls => Volatile.Read(ref _calls);

    public int Throttled => Volatile.Read(ref _throttled);

    public int Failed => Volatile.Read(ref _failed);

    public static async Task<FakeChatModel> StartAsync(double failureRate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var model = new FakeChatModel(app, failureRate);
        app.Run(model.HandleAsync);
        await app.StartAsync();
        model.BaseUrl = new Uri(app.Urls.Single());
        return model;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        var call = Interlocked.Increment(ref _calls);
        var roll = Random.Shared.NextDouble();
        context.Response.ContentType = "application/json";
        if (roll < _failureRate)
        {
            var throttle = roll < _failureRate / 2;
            Interlocked.Increment(ref throttle ? ref _throttled : ref _failed);
            context.Response.StatusCode = throttle ? 429 : 500;
            if (throttle)
            {
                context.Response.Headers.RetryAfter = "0";
            }

            var error = new JsonObject { ["error"] = new JsonObject { ["code"] = context.Response.StatusCode.ToString(CultureInfo.InvariantCulture), ["message"] = "simulated" } };
            await context.Response.WriteAsync(error.ToJsonString());
            return;
        }

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
        var body = new JsonObject
        {
            ["id"] = $"chatcmpl-{call}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = "gpt-4o-mini",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = JsonSerializer.Serialize(turn), ["refusal"] = null },
                ["finish_reason"] = "stop",
                ["logprobs"] = null,
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 400, ["completion_tokens"] = 60, ["total_tokens"] = 460 },
        };
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
