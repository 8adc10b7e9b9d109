using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Interview.LoadTest.Local;
using Microsoft.AspNetCore.Http;

namespace Interview.Functions.Tests.Infrastructure;

/// <summary>
/// A loopback stand-in for an Azure service (OpenAI Chat Completions, AI Speech): it records every request as the
/// real client sent it and answers from a script (then from <see cref="Default"/>). See <see cref="ChatReplies"/>.
/// </summary>
public sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Reply> _script = new();
    private readonly List<Recorded> _requests = [];

    private LoopbackServer _server = null!;

    public Uri BaseUrl => _server.Url;

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

    public static async Task<FakeHttpServer> StartAsync()
    {
        var fake = new FakeHttpServer();
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    public void Enqueue(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var parts = new Dictionary<string, Part>();
        byte[] body;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                parts[file.Name] = new Part(file.ContentType, file.FileName, buffer.ToArray());
            }

            foreach (var field in form)
            {
                parts[field.Key] = new Part(null, null, System.Text.Encoding.UTF8.GetBytes(field.Value.ToString()));
            }

            body = [];
        }
        else
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            body = buffer.ToArray();
        }

        var recorded = new Recorded(
            request.Method,
            request.Path.Value ?? "",
            request.QueryString.Value ?? "",
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            parts,
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
        context.Response.ContentType = reply.ContentType;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Stream is { } chunks)
        {
            // A streaming answer (server-sent events): each part after its pause, flushed, as a real server sends them.
            for (var i = 0; i < chunks.Count; i++)
            {
                var (pause, text) = chunks[i];
                try
                {
                    await Task.Delay(pause, context.RequestAborted);
                    if (reply.Hold is { } hold && hold.Part == i)
                    {
                        await hold.Until().WaitAsync(context.RequestAborted);
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                await context.Response.WriteAsync(text, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }

            return;
        }

        await context.Response.Body.WriteAsync(reply.Bytes ?? System.Text.Encoding.UTF8.GetBytes(reply.Body));
    }

    public sealed record Reply(int Status, string Body, IDictionary<string, string>? Headers = null, TimeSpan Delay = default)
    {
        public string ContentType { get; init; } = "application/json";

        /// <summary>A binary body (audio); <see cref="Body"/> is ignored when set.</summary>
        public byte[]? Bytes { get; init; }

        /// <summary>A body sent in parts, each after its pause (a streamed completion); <see cref="Body"/> is ignored when set.</summary>
        public IReadOnlyList<(TimeSpan Pause, string Text)>? Stream { get; init; }

        /// <summary>Part <c>Part</c> of <see cref="Stream"/> is sent only once <c>Until</c> completes.</summary>
        public (int Part, Func<Task> Until)? Hold { get; init; }
    }

    /// <summary>One multipart part: a file (with content type and filename) or a plain field.</summary>
    public sealed record Part(string? ContentType, string? FileName, byte[] Bytes)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Bytes);
    }

    public sealed record Recorded(
        string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] RawBody, IReadOnlyDictionary<string,
            Part> Parts, DateTimeOffset At)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(RawBody);

        public JsonNode Body => RawBody.Length == 0 ? new JsonObject() : JsonNode.Parse(RawBody)!;

        /// <summary>The text of message <paramref name="index"/>, whether the SDK sent it as a string or as content parts.</summary>
        public string Message(int index)
        {
            var content = Body["messages"]![index]!["content"]!;
            return content is JsonArray parts ? string.Concat(parts.Select(p => (string?)p!["text"])) : (string)content!;
        }

        public string Role(int index) => (string)Body["messages"]![index]!["role"]!;
    }
}
