using System.Net;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Security;
using Interview.Functions.Tests.Speech;

namespace Interview.Functions.Tests.LiveSpeech;

/// <summary>A spoken turn that brings the words the page recognised live: stored with its recording, never transcribed again.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RecognisedTurnTests(AzuriteFixture azurite)
{
    private const string Recognised = "I led the migration of our billing service to event sourcing.";

    [Fact]
    public async Task Recognised_transcript_becomes_the_turn_the_recording_is_stored_and_speech_to_text_is_not_called()
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = LiveSpeechApp.Create(azurite, speech);
        var (client, _) = await app.CandidateAsync("heard-1");
        var recording = TestAudio.Wav();

        var body = await (await client.SpeakRecognisedAsync("heard-1", recording, Recognised)).JsonAsync();

        var candidate = body["session_state"]!["conversation_history"]![1]!;
        Assert.Equal(Recognised, (string)candidate["content"]!);
        using var http = new HttpClient();
        Assert.Equal(recording, await http.GetByteArrayAsync((string)candidate["audio_url"]!));
        Assert.DoesNotContain(speech.Requests, r => r.Path == AzureSpeechApp.SttPath);
    }

    [Fact]
    public async Task A_streamed_turn_with_a_transcript_streams_it_first_and_commits_it_with_the_recording()
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = LiveSpeechApp.Create(azurite, speech);
        var (client, _) = await app.CandidateAsync("heard-5");
        var audio = new ByteArrayContent(TestAudio.Wav());
        audio.Headers.ContentType = new("audio/wav");
        var form = new MultipartFormDataContent { { audio, "audio", "answer.wav" }, { new StringContent(Recognised), "transcript" } };

        var (response, events) = await client.StreamTurnAsync("heard-5", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("transcript", Recognised), (events[0].Name, (string)events[0].Data["text"]!));
        var candidate = events[^1].Data["session_state"]!["conversation_history"]![1]!;
        Assert.Equal(Recognised, (string)candidate["content"]!);
        Assert.NotNull((string?)candidate["audio_url"]);
        Assert.DoesNotContain(speech.Requests, r => r.Path == AzureSpeechApp.SttPath);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_replays_and_writes_nothing_twice()
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = LiveSpeechApp.Create(azurite, speech);
        var (client, _) = await app.CandidateAsync("heard-2");
        var recording = TestAudio.Wav();

        var first = await (await client.SpeakRecognisedAsync("heard-2", recording, Recognised, "key-1")).JsonAsync();
        var again = await (await client.SpeakRecognisedAsync("heard-2", recording, Recognised, "key-1")).JsonAsync();
        var otherWords = await client.SpeakRecognisedAsync("heard-2", recording, "Something else entirely.", "key-1");

        Assert.Equal(first.WithoutTimings(), again.WithoutTimings());
        Assert.Equal("idempotency_key_reused", (string)(await otherWords.ProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!);
        Assert.Equal(3, (await client.StateOrNullAsync("heard-2"))!["conversation_history"]!.AsArray().Count);
        Assert.Single(await app.BlobsAsync("heard-2/candidate/"));
        Assert.DoesNotContain(speech.Requests, r => r.Path == AzureSpeechApp.SttPath);
    }

    [Theory]
    [InlineData("bell\u0007inside", HttpStatusCode.BadRequest, "invalid_text")]
    [InlineData(null, HttpStatusCode.RequestEntityTooLarge, "text_too_long")]
    public async Task A_transcript_is_held_to_the_limits_of_typed_text_and_nothing_is_written(
        string? transcript, HttpStatusCode status, string code)
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = LiveSpeechApp.Create(azurite, speech);
        var (client, _) = await app.CandidateAsync("heard-3");
        var before = await client.StableStateAsync("heard-3");

        var response = await client.SpeakRecognisedAsync("heard-3", TestAudio.Wav(), transcript ?? new string('a', 8001));

        Assert.Equal(code, (string)(await response.ProblemAsync(status))["code"]!);
        Assert.Equal(before, await client.StableStateAsync("heard-3"));
        Assert.Empty(await app.BlobsAsync("heard-3/candidate/"));
    }

    [Fact]
    public async Task A_blank_transcript_is_no_transcript_and_the_recording_is_transcribed_as_before()
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = LiveSpeechApp.Create(azurite, speech);
        var (client, _) = await app.CandidateAsync("heard-6");

        var body = await (await client.SpeakRecognisedAsync("heard-6", TestAudio.Wav(), "  ")).JsonAsync();

        Assert.Equal(AzureSpeechApp.Heard, (string)body["session_state"]!["conversation_history"]![1]!["content"]!);
        Assert.Single(speech.Requests, r => r.Path == AzureSpeechApp.SttPath);
    }

    [Fact]
    public async Task A_transcript_without_its_recording_is_400_missing_answer()
    {
        using var app = TokenApp.Create(azurite);
        var (client, _) = await app.CandidateAsync("heard-4");

        var form = new MultipartFormDataContent { { new StringContent(Recognised), "transcript" } };
        var problem = await (await client.PostTurnAsync("heard-4", form, null)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("missing_answer", (string)problem["code"]!);
    }
}
