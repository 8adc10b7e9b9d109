using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Sessions;

/// <summary>
/// Every way a request can be wrong: each gets problem+json with the right status and a stable code,
/// and the interview it names is exactly as it was before.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BadInputTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const long UploadLimit = 64 * 1024;
    private readonly InterviewApp _app =
        new(azurite, settings: new Dictionary<string, string> { ["Interview:MaxUploadBytes"] = UploadLimit.ToString() });
    private HttpClient _client = null!;

    public static TheoryData<string, string, HttpStatusCode, string> Cases => new()
    {
        { "turn on unknown interview", "turn-unknown", HttpStatusCode.NotFound, "not_found" },
        { "state of unknown interview", "state-unknown", HttpStatusCode.NotFound, "not_found" },
        { "delete unknown interview", "delete-unknown", HttpStatusCode.NotFound, "not_found" },
        { "id with a dot", "bad-id-dot", HttpStatusCode.BadRequest, "invalid_interview_id" },
        { "id of 65 characters", "bad-id-long", HttpStatusCode.BadRequest, "invalid_interview_id" },
        { "id with a space", "bad-id-space", HttpStatusCode.BadRequest, "invalid_interview_id" },
        { "neither audio nor text", "no-answer", HttpStatusCode.BadRequest, "missing_answer" },
        { "both audio and text", "both", HttpStatusCode.BadRequest, "ambiguous_answer" },
        { "empty audio part", "empty-audio", HttpStatusCode.BadRequest, "empty_audio" },
        { "upload over the limit", "too-large", HttpStatusCode.RequestEntityTooLarge, "upload_too_large" },
        { "text over the limit", "text-too-long", HttpStatusCode.RequestEntityTooLarge, "text_too_long" },
        { "JSON body instead of multipart", "json-body", HttpStatusCode.UnsupportedMediaType, "not_multipart" },
        { "no body at all", "no-body", HttpStatusCode.UnsupportedMediaType, "not_multipart" },
        { "truncated multipart", "truncated", HttpStatusCode.BadRequest, "malformed_body" },
        { "audio without speech-to-text", "audio-no-stt", HttpStatusCode.UnprocessableEntity, "audio_not_supported" },
        { "bad Idempotency-Key", "bad-key", HttpStatusCode.BadRequest, "invalid_idempotency_key" },
        { "turn on an ended interview", "ended-turn", HttpStatusCode.Conflict, "session_over" },
        { "start on an ended interview", "ended-start", HttpStatusCode.Conflict, "session_over" },
        { "start with malformed JSON", "start-bad-json", HttpStatusCode.BadRequest, "malformed_body" },
        { "start with an unknown plan", "start-unknown-plan", HttpStatusCode.BadRequest, "unknown_plan" },
        { "start with a control character in the name", "start-control", HttpStatusCode.BadRequest, "invalid_field" },
        { "start with a text/plain body", "start-plain", HttpStatusCode.UnsupportedMediaType, "not_json" },
    };

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        await (await _client.StartAsync("active")).JsonAsync();
        await (await _client.StartAsync("ended")).JsonAsync();
        await (await _client.DeleteAsync("/session/state/ended")).JsonAsync(System.Net.HttpStatusCode.Accepted);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_request_gets_a_problem_and_changes_nothing(string because, string scenario, HttpStatusCode status, string code)
    {
        var before = await SnapshotAsync();

        var response = await SendAsync(scenario);

        var problem = await response.ProblemAsync(status);
        Assert.True(code == (string?)problem["code"], $"{because}: expected code {code}, got {problem["code"]}");
        Assert.Equal(before, await SnapshotAsync());
    }

    private Task<HttpResponseMessage> SendAsync(string scenario) => scenario switch
    {
        "turn-unknown" => _client.AnswerAsync("nobody", "hello"),
        "state-unknown" => _client.GetAsync("/session/state/nobody"),
        "delete-unknown" => _client.DeleteAsync("/session/state/nobody"),
        "bad-id-dot" => _client.AnswerAsync("active.x", "hello"),
        "bad-id-long" => _client.GetAsync($"/session/state/{new string('a', 65)}"),
        "bad-id-space" => _client.DeleteAsync("/session/state/act%20ive"),
        "no-answer" => _client.PostTurnAsync("active", new MultipartFormDataContent { { new StringContent("x"), "note" } }, null),
        "both" => _client.PostTurnAsync("active",
            new MultipartFormDataContent { { new StringContent("hi"), "text" }, { Audio(10), "audio", "a.wav" } }, null),
        "empty-audio" => _client.PostTurnAsync("active", new MultipartFormDataContent { { Audio(0), "audio", "a.wav" } }, null),
        "too-large" => _client.PostTurnAsync("active",
            new MultipartFormDataContent { { Audio((int)UploadLimit + 1), "audio", "a.wav" } }, null),
        "text-too-long" => _client.AnswerAsync("active", new string('w', 8_001)),
        "json-body" => _client.PostAsync("/session/turn/active", ApiClient.JsonContent(new { text = "hello" })),
        "no-body" => _client.PostAsync("/session/turn/active", null),
        "truncated" => _client.PostAsync("/session/turn/active", Truncated()),
        "audio-no-stt" => _client.SpeakAsync("active", TestAudio.Wav()),
        "bad-key" => _client.AnswerAsync("active", "hello", "bad key with spaces"),
        "ended-turn" => _client.AnswerAsync("ended", "hello"),
        "ended-start" => _client.StartAsync("ended"),
        "start-bad-json" => _client.PostAsync("/session/start/fresh",
            new StringContent("{\"candidate_name\": ", Encoding.UTF8, "application/json")),
        "start-unknown-plan" => _client.StartAsync("fresh", new { plan_id = "astronaut" }),
        "start-control" => _client.StartAsync("fresh", new { candidate_name = "Ada\u0007" }),
        "start-plain" => _client.PostAsync("/session/start/fresh", new StringContent("Ada", Encoding.UTF8, "text/plain")),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    private async Task<string> SnapshotAsync()
    {
        var states = await Task.WhenAll(new[] { "active", "ended", "fresh", "nobody" }.Select(id => _client.StateOrNullAsync(id)));
        return string.Join("\n", states.Select(s => s?.ToJsonString() ?? "absent"));
    }

    private static ByteArrayContent Audio(int bytes)
    {
        var content = new ByteArrayContent(new byte[bytes]);
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        return content;
    }

    private static ByteArrayContent Truncated()
    {
        var body = "--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhello wor"u8.ToArray();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        return content;
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }
}
