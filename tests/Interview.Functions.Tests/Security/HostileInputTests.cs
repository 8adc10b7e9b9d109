using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Security;

/// <summary>Input crafted to break things: each gets a 4xx problem+json and the stored interviews stay exactly as they were.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileInputTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly InterviewApp _app = new(azurite);
    private HttpClient _client = null!;

    public static TheoryData<string, HttpStatusCode> Cases => new()
    {
        { "bad boundary", HttpStatusCode.UnsupportedMediaType },
        { "boundary missing", HttpStatusCode.BadRequest },
        { "truncated body", HttpStatusCode.BadRequest },
        { "thousands of parts", HttpStatusCode.BadRequest },
        { "non-UTF-8 text", HttpStatusCode.BadRequest },
        { "control characters in text", HttpStatusCode.BadRequest },
        { "path traversal in id", HttpStatusCode.NotFound },
        { "encoded slash in id", HttpStatusCode.BadRequest },
        { "unicode look-alike id", HttpStatusCode.BadRequest },
        { "oversized start body", HttpStatusCode.RequestEntityTooLarge },
        { "deeply nested start body", HttpStatusCode.BadRequest },
        { "start body that is a JSON array", HttpStatusCode.BadRequest },
        { "huge header", HttpStatusCode.BadRequest },
    };

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        await (await _client.StartAsync("victim")).JsonAsync();
        await (await _client.AnswerAsync("victim", "At my last job I led a migration that cut costs by 30 percent.")).JsonAsync();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_request_gets_a_4xx_problem_and_changes_nothing(string attack, HttpStatusCode expected)
    {
        var before = await _client.StableStateAsync("victim");

        var response = await SendAsync(attack);

        Assert.True(response.StatusCode == expected, $"{attack}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await _client.StableStateAsync("victim"));
        Assert.Equal("absent", await _client.StableStateAsync("fresh"));
    }

    private Task<HttpResponseMessage> SendAsync(string attack) => attack switch
    {
        "bad boundary" => Raw("multipart/form-data; boundary=\"",
            "--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhi\r\n--x--\r\n"),
        "boundary missing" => Raw("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhi\r\n--x--\r\n"),
        "truncated body" => Raw("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhel"),
        "thousands of parts" => Raw("multipart/form-data; boundary=x",
            string.Concat(Enumerable.Range(0, 5000).Select(i => $"--x\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\nv\r\n"))
                + "--x--\r\n"),
        "non-UTF-8 text" => Bytes("multipart/form-data; boundary=x",
            [.. "--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nI led "u8, 0xC3, 0x28, 0xFF, .. "\r\n--x--\r\n"u8]),
        "control characters in text" => _client.AnswerAsync("victim", "I led\u0000 the\u001b[31m team\u0007"),
        "path traversal in id" => _client.AnswerAsync("..", "hello"),
        "encoded slash in id" => _client.GetAsync("/session/state/..%2F..%2Fvictim"),
        "unicode look-alike id" => _client.AnswerAsync("vіctim", "hello"),
        "oversized start body"
            => _client.PostAsync("/session/start/fresh",
            new StringContent($"{{\"candidate_name\":\"{new string('a', 40_000)}\"}}", Encoding.UTF8, "application/json")),
        "deeply nested start body"
            => _client.PostAsync("/session/start/fresh",
            new StringContent(new string('[', 5000) + new string(']', 5000), Encoding.UTF8, "application/json")),
        "start body that is a JSON array"
            => _client.PostAsync("/session/start/fresh", new StringContent("[1,2,3]", Encoding.UTF8, "application/json")),
        _ => HugeHeader(),
    };

    private Task<HttpResponseMessage> Raw(string contentType, string body) => Bytes(contentType, Encoding.UTF8.GetBytes(body));

    private Task<HttpResponseMessage> Bytes(string contentType, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return _client.PostAsync("/session/turn/victim", content);
    }

    private Task<HttpResponseMessage> HugeHeader()
    {
        var request = new HttpRequestMessage(HttpMethod.Post,
            "/session/turn/victim") { Content = new MultipartFormDataContent { { new StringContent("hi"), "text" } } };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 5000));
        return _client.SendAsync(request);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }
}
