using System.Net;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Speech;

/// <summary>
/// Azure AI Speech failing: transcription failures refuse the turn with 503 + Retry-After and commit nothing
/// (and the same request later works); synthesis failures degrade the reply to text.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureSpeechFailureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Rejected_key_is_a_503_without_retrying_and_nothing_is_committed()
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = AzureSpeechApp.Create(azurite, speech);
        var client = app.CreateClient();
        await (await client.StartAsync("azf-1")).JsonAsync();
        var before = await client.StableStateAsync("azf-1");
        speech.Enqueue(ChatReplies.Error(401));

        var problem = await (await client.SpeakAsync("azf-1", TestAudio.Wav())).ProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("speech_unavailable", (string)problem["code"]!);
        Assert.Single(speech.Requests, r => r.Path == AzureSpeechApp.SttPath);
        Assert.Equal(before, await client.StableStateAsync("azf-1"));
    }

    [Fact]
    public async Task Throttled_transcription_waits_for_retry_after_then_succeeds()
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = AzureSpeechApp.Create(azurite, speech);
        var client = app.CreateClient();
        await (await client.StartAsync("azf-2")).JsonAsync();
        speech.Enqueue(ChatReplies.Error(429, ("Retry-After", "1")));

        var body = await (await client.SpeakAsync("azf-2", TestAudio.Wav())).JsonAsync();

        Assert.Equal(AzureSpeechApp.Heard, (string)body["session_state"]!["conversation_history"]![1]!["content"]!);
        var calls = speech.Requests.Where(r => r.Path == AzureSpeechApp.SttPath).ToList();
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(900),
            $"retried after {(calls[1].At - calls[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Transcription_outage_is_a_503_with_retry_after_and_the_same_request_works_later()
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = AzureSpeechApp.Create(azurite, speech);
        var client = app.CreateClient();
        await (await client.StartAsync("azf-3")).JsonAsync();
        var before = await client.StableStateAsync("azf-3");
        var healthy = speech.Default;
        speech.Default = r => r.Path == AzureSpeechApp.SttPath ? ChatReplies.Error(500) : healthy(r);
        var recording = TestAudio.Wav();

        var outage = await client.SpeakAsync("azf-3", recording);

        await outage.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(outage.Headers.RetryAfter);
        Assert.True(speech.Requests.Count(r => r.Path == AzureSpeechApp.SttPath) >= 2, "5xx is retried");
        Assert.Equal(before, await client.StableStateAsync("azf-3"));

        speech.Default = healthy;
        var body = await (await client.SpeakAsync("azf-3", recording)).JsonAsync();
        Assert.Equal(3, body["session_state"]!["conversation_history"]!.AsArray().Count);
    }

    [Fact]
    public async Task Hung_transcription_times_out_into_a_503()
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = AzureSpeechApp.Create(azurite, speech);
        var client = app.CreateClient();
        await (await client.StartAsync("azf-4")).JsonAsync();
        var healthy = speech.Default;
        speech.Default = r => r.Path == AzureSpeechApp.SttPath ? AzureSpeechApp.Transcription("late")
            with { Delay = TimeSpan.FromSeconds(30) } : healthy(r);

        var problem = await (await client.SpeakAsync("azf-4", TestAudio.Wav())).ProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Contains("nothing was saved", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synthesis_outage_still_answers_the_turn_in_text()
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = AzureSpeechApp.Create(azurite, speech);
        var client = app.CreateClient();
        await (await client.StartAsync("azf-5")).JsonAsync();
        var healthy = speech.Default;
        speech.Default = r => r.Path == AzureSpeechApp.TtsPath ? ChatReplies.Error(503) : healthy(r);

        var body = await (await client.SpeakAsync("azf-5", TestAudio.Wav())).JsonAsync();

        Assert.Null(body["interviewer_response"]!["audio_url"]);
        Assert.False(string.IsNullOrWhiteSpace((string)body["interviewer_response"]!["text"]!));
        Assert.NotNull(body["session_state"]!["conversation_history"]![1]!["audio_url"]);
    }
}
