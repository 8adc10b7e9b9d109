using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Interview.Functions.Tests.Infrastructure;

/// <summary>A streamed turn as a page reads it: each server-sent event with its name and JSON data, in arrival order.</summary>
public static class EventStream
{
    public sealed record Event(string Name, JsonNode Data);

    /// <summary>POSTs the turn with <c>Accept: text/event-stream</c>; the response (for its status and headers) and every event.</summary>
    public static async Task<(HttpResponseMessage Response, List<Event> Events)> StreamTurnAsync(
        this HttpClient client, string id, HttpContent content, string? idempotencyKey = null, Action<Event>? seen = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/session/turn/{id}") { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var events = new List<Event>();
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            return (response, events);
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? name = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add(new Event(name ?? "message", JsonNode.Parse(line["data: ".Length..])!));
                seen?.Invoke(events[^1]);
            }
        }

        return (response, events);
    }

    public static MultipartFormDataContent Text(string answer) => new() { { new StringContent(answer), "text" } };
}
