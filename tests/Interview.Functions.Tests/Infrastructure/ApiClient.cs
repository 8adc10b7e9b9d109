using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Interview.Functions.Tests.Infrastructure;

/// <summary>Small helpers that speak the wire contract the way a frontend does.</summary>
public static class ApiClient
{
    public static Task<HttpResponseMessage> StartAsync(this HttpClient client, string id, object? body = null) =>
        client.PostAsync($"/session/start/{id}", body is null ? null : JsonContent(body));

    public static Task<HttpResponseMessage> AnswerAsync(this HttpClient client, string id, string text, string? idempotencyKey = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(text), "text" } };
        return PostTurnAsync(client, id, form, idempotencyKey);
    }

    public static Task<HttpResponseMessage> SpeakAsync(this HttpClient client, string id, byte[] audio, string contentType = "audio/wav")
    {
        var part = new ByteArrayContent(audio);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { part, "audio", "answer.wav" } };
        return PostTurnAsync(client, id, form, null);
    }

    public static Task<HttpResponseMessage> PostTurnAsync(this HttpClient client, string id, HttpContent content, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/session/turn/{id}") { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Asserts an RFC 7807 answer with the given status and returns its body.</summary>
    public static async Task<JsonNode> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var node = await response.JsonAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, (int)node["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)node["title"]));
        return node;
    }

    /// <summary>A response without its timings, which measure the request rather than describe the turn.</summary>
    public static string WithoutTimings(this JsonNode body)
    {
        var copy = body.DeepClone();
        copy.AsObject().Remove("timings");
        return copy.ToJsonString();
    }

    /// <summary>
    /// The stored state as JSON with SAS signatures cut from audio URLs: a fresh URL is minted on every read, so two
    /// reads of an unchanged interview differ only there.
    /// </summary>
    public static async Task<string> StableStateAsync(this HttpClient client, string id)
    {
        var state = await client.StateOrNullAsync(id);
        return state is null ? "absent" : System.Text.RegularExpressions.Regex.Replace(state.ToJsonString(), "\\?sv=[^\"]*", "");
    }

    public static async Task<JsonNode?> StateOrNullAsync(this HttpClient client, string id)
    {
        var response = await client.GetAsync($"/session/state/{id}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.JsonAsync();
    }

    public static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
