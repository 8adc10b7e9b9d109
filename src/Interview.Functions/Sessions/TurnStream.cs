using System.Text.Json;
using System.Threading.Channels;
using Interview.Core.Agent;
using Interview.Core.Speech;
using Interview.Functions.Storage;
using Microsoft.AspNetCore.Http.Features;

namespace Interview.Functions.Sessions;

/// <summary>
/// A streamed turn's response: <c>text/event-stream</c> with the events <c>transcript</c>, <c>text</c>, <c>audio</c> and
/// finally <c>done</c> (the buffered body) or <c>error</c> (a problem). The turn reports events as they happen, from
/// any thread; one writer loop sends them in that order and flushes each, so the page hears the first sentence while
/// the model is still writing the rest.
/// </summary>
public sealed class TurnStream : ITurnEvents, IAsyncDisposable
{
    public const string MediaType = "text/event-stream";

    private readonly Channel<(string Name, Func<CancellationToken, ValueTask<object>> Data)> _events =
        Channel.CreateUnbounded<(string, Func<CancellationToken, ValueTask<object>>)>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly HttpResponse _response;
    private readonly JsonSerializerOptions _json;
    private readonly Task _writer;

    private TurnStream(HttpResponse response, IAudioLinks links, JsonSerializerOptions json, CancellationToken ct)
    {
        (_response, _json) = (response, json);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = MediaType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // proxies must not hold the events back
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        _writer = WriteAsync(ct);
        Links = links;
    }

    private IAudioLinks Links { get; }

    /// <summary>The caller asked for a stream: <c>Accept: text/event-stream</c>.</summary>
    public static bool Wanted(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains(MediaType, StringComparison.OrdinalIgnoreCase) == true);

    public static TurnStream Start(HttpContext http, IAudioLinks links, JsonSerializerOptions json) =>
        new(http.Response, links, json, http.RequestAborted);

    public void Transcript(Transcript transcript) => Send("transcript", new { transcript.Text, transcript.Confidence });

    public void Text(string delta, bool reset) => Send("text", reset ? new { delta, reset } : new { delta });

    public void Audio(int index, string text, string audioRef) =>
        _events.Writer.TryWrite(("audio", async ct => new { index, text, audio_url = await Links.ReadUrlAsync(audioRef, ct) }));

    /// <summary>The last event: the turn's whole answer, exactly the body a buffered request gets.</summary>
    public Task DoneAsync(SessionResponse body) => FinishAsync("done", body);

    /// <summary>The last event when the turn failed after the stream began; nothing was committed.</summary>
    public Task ErrorAsync(Microsoft.AspNetCore.Mvc.ProblemDetails problem) => FinishAsync("error", problem);

    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        await _writer;
    }

    private void Send(string name, object data) => _events.Writer.TryWrite((name, _ => ValueTask.FromResult(data)));

    private async Task FinishAsync(string name, object data)
    {
        Send(name, data);
        _events.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var (name, data) in _events.Reader.ReadAllAsync(ct))
            {
                var payload = await data(ct);
                await _response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(payload, payload.GetType(), _json)}\n\n", ct);
                await _response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page went away; the turn itself is cancelled with the request and commits nothing.
        }
    }
}
