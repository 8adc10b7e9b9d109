using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Recruiter;
using Interview.Functions.Webhooks;

namespace Interview.Functions.Tests.Webhooks;

/// <summary>A tracker on loopback: it subscribes through the API, and every message it gets is checked as a receiver would.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private WebhookReceiver(FakeHttpServer server) => Server = server;

    public FakeHttpServer Server { get; }

    public string Secret { get; private set; } = "";

    public string Id { get; private set; } = "";

    /// <summary>Messages received, in order, each with its headers verified against the secret.</summary>
    public IReadOnlyList<Message> Messages => [.. Server.Requests.Select(Read)];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var server = await FakeHttpServer.StartAsync();
        server.Default = _ => new FakeHttpServer.Reply(204, "");
        return new WebhookReceiver(server);
    }

    public async Task<JsonNode> SubscribeAsync(HttpClient client, params string[] events)
    {
        var created = await (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Post, "/manage/webhooks",
            new { url = new Uri(Server.BaseUrl, "/hooks").ToString(), events }))).JsonAsync(HttpStatusCode.Created);
        (Secret, Id) = ((string)created["secret"]!, (string)created["id"]!);
        return created;
    }

    /// <summary>
    /// Waits until a message of <paramref name="type"/> about <paramref name="interviewId"/> has come <paramref name="times"/> times.
    /// </summary>
    public Task<IReadOnlyList<Message>> WaitForAsync(string type, string interviewId, int times = 1, int seconds = 30) =>
        Poll.UntilAsync(() => Task.FromResult<IReadOnlyList<Message>>(
                [.. Messages.Where(m => m.Type == type && m.InterviewId == interviewId)]),
            found => found.Count >= times, TimeSpan.FromSeconds(seconds),
            found => $"{times} × {type} of {interviewId} (got {found.Count}; all: {string.Join(", ", Messages.Select(m => m.Type))})");

    public static async Task<JsonNode> DeliveriesAsync(HttpClient client, string webhookId) =>
        await (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Get, $"/manage/webhooks/{webhookId}/deliveries"))).JsonAsync();

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private Message Read(FakeHttpServer.Recorded request)
    {
        var body = Encoding.UTF8.GetString(request.RawBody);
        var json = JsonNode.Parse(body)!;
        var headers = request.Headers;
        var verified = WebhookSignature.Verify(Secret, headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"],
            body, DateTimeOffset.UtcNow);
        return new Message(headers["webhook-id"], (string)json["type"]!, (string)json["data"]!["interview_id"]!, json, body, verified,
            request.At);
    }

    public sealed record Message(string Id, string Type, string InterviewId, JsonNode Json, string Body, bool Verified, DateTimeOffset At);
}
