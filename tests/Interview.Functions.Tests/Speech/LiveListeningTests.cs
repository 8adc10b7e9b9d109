using System.Net;
using System.Net.Http.Headers;
using Interview.Core.Speech;
using Interview.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Speech;

/// <summary>
/// Offline listening while the candidate speaks, against the real ffmpeg and pocketsphinx: the recording's chunks go to
/// POST /session/listen as it is made, and the turn naming the stream takes the words already heard. The whole-recording
/// transcriber is a counting fake here ("never heard"), so which path gave the words shows in the transcript itself.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LiveListeningTests(LiveListeningTests.Fixture fixture) : IClassFixture<LiveListeningTests.Fixture>
{
    public sealed class Fixture(AzuriteFixture azurite) : IAsyncLifetime
    {
        public FakeSpeechToText Whole { get; } = new("never heard");

        public InterviewApp App { get; private set; } = null!;

        public HttpClient Client { get; private set; } = null!;

        public byte[] Recording { get; private set; } = null!;

        /// <summary>Two sentences with 1.5 s of silence between them, as WebM/Opus.</summary>
        public byte[] TwoPhrases { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Recording = (await SpokenAudio.CreateAsync("webm-opus"))["webm-opus"];
            TwoPhrases = await ListeningAudio.TwoPhrasesAsync();
            App = new InterviewApp(azurite, s => s.AddSingleton<ISpeechToText>(Whole),
                new Dictionary<string, string> { ["Speech:Provider"] = "offline" });
            Client = App.CreateClient();
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Chunks_heard_while_spoken_become_the_turn_without_transcribing_the_recording_again()
    {
        await fixture.Client.StartAsync("listen-heard");
        var before = fixture.Whole.Calls;
        var chunks = ListeningAudio.Chunks(fixture.Recording, 8);
        for (var seq = 0; seq < chunks.Count; seq++)
        {
            var accepted = await (await ListenAsync("listen-heard", "s1", seq, chunks[seq])).JsonAsync(HttpStatusCode.Accepted);
            Assert.Equal(chunks.Take(seq + 1).Sum(c => c.Length), (long)accepted["received_bytes"]!);
        }

        var turn = await (await TurnAsync("listen-heard", fixture.Recording, "s1")).JsonAsync();

        var heard = (string)turn["session_state"]!["conversation_history"]![1]!["content"]!;
        Assert.True(SpokenAudio.ShareHeard(heard) >= 0.8, $"Said \"{SpokenAudio.Sentence}\", heard \"{heard}\".");
        Assert.Equal(before, fixture.Whole.Calls);
        Assert.Single(await fixture.App.BlobsAsync("listen-heard/candidate/")); // the recording is still kept
        // One stream, one turn: it is gone once used.
        await (await ListenAsync("listen-heard", "s1", chunks.Count, [1, 2, 3])).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Words_heard_so_far_come_back_while_the_candidate_is_still_speaking()
    {
        await fixture.Client.StartAsync("listen-partial");
        var chunks = ListeningAudio.Chunks(fixture.TwoPhrases, 10);
        // The first phrase and the pause after it: pocketsphinx finishes an utterance at a pause, not at the end.
        for (var seq = 0; seq < 8; seq++)
        {
            await (await ListenAsync("listen-partial", "s1", seq, chunks[seq])).JsonAsync(HttpStatusCode.Accepted);
        }

        // A chunk sent again is taken once and answers with the words heard by now.
        var words = await Poll.UntilAsync(
            async () => (string)(await (await ListenAsync("listen-partial", "s1", 7, chunks[7]))
                .JsonAsync(HttpStatusCode.Accepted))["words"]!,
            heard => heard.Length > 0, TimeSpan.FromSeconds(20), heard => $"the first phrase, heard \"{heard}\"");

        Assert.Contains("five years", words, StringComparison.Ordinal);
        Assert.DoesNotContain("team", words, StringComparison.Ordinal); // the second phrase was not sent yet
    }

    [Fact]
    public async Task A_recording_that_is_not_what_was_heard_is_transcribed_whole()
    {
        await fixture.Client.StartAsync("listen-other");
        var chunks = ListeningAudio.Chunks(fixture.Recording, 8);
        for (var seq = 0; seq < 4; seq++)
        {
            await (await ListenAsync("listen-other", "s1", seq, chunks[seq])).JsonAsync(HttpStatusCode.Accepted);
        }

        var turn = await (await TurnAsync("listen-other", fixture.Recording, "s1")).JsonAsync();

        Assert.Equal("never heard", (string)turn["session_state"]!["conversation_history"]![1]!["content"]!);
    }

    [Fact]
    public async Task Another_interviews_stream_is_never_used()
    {
        await fixture.Client.StartAsync("listen-mine");
        await fixture.Client.StartAsync("listen-theirs");
        foreach (var (chunk, seq) in ListeningAudio.Chunks(fixture.Recording, 4).Select((c, i) => (c, i)))
        {
            await (await ListenAsync("listen-mine", "shared", seq, chunk)).JsonAsync(HttpStatusCode.Accepted);
        }

        var turn = await (await TurnAsync("listen-theirs", fixture.Recording, "shared")).JsonAsync();

        Assert.Equal("never heard", (string)turn["session_state"]!["conversation_history"]![1]!["content"]!);
    }

    [Fact]
    public async Task Chunks_out_of_order_bad_ids_and_unreadable_audio_are_refused()
    {
        await fixture.Client.StartAsync("listen-refused");
        var chunks = ListeningAudio.Chunks(fixture.Recording, 4);

        Assert.Equal("listening_out_of_order", await CodeAsync(ListenAsync("listen-refused", "s1", 1, chunks[1]), HttpStatusCode.Conflict));
        await (await ListenAsync("listen-refused", "s1", 0, chunks[0])).JsonAsync(HttpStatusCode.Accepted);
        var repeated = await (await ListenAsync("listen-refused", "s1", 0, chunks[0])).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(chunks[0].Length, (long)repeated["received_bytes"]!); // a retried chunk is not taken twice
        Assert.Equal("listening_out_of_order", await CodeAsync(ListenAsync("listen-refused", "s1", 2, chunks[2]), HttpStatusCode.Conflict));
        Assert.Equal("invalid_field", await CodeAsync(ListenAsync("listen-refused", "bad id!", 0, chunks[0]), HttpStatusCode.BadRequest));
        Assert.Equal("empty_audio", await CodeAsync(ListenAsync("listen-refused", "s2", 0, []), HttpStatusCode.BadRequest));
        Assert.Equal("unsupported_audio_format",
            await CodeAsync(ListenAsync("listen-refused", "s3", 0, "not audio at all"u8.ToArray()), HttpStatusCode.UnsupportedMediaType));
        Assert.Equal("not_found", await CodeAsync(ListenAsync("listen-nobody", "s1", 0, chunks[0]), HttpStatusCode.NotFound));

        using var textWithStream =
            new MultipartFormDataContent { { new StringContent("typed"), "text" }, { new StringContent("s1"), "stream_id" } };
        Assert.Equal("missing_answer",
            await CodeAsync(fixture.Client.PostTurnAsync("listen-refused", textWithStream, null), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task An_ended_interview_is_not_listened_to()
    {
        await fixture.Client.StartAsync("listen-ended");
        await fixture.Client.DeleteAsync(new Uri("/session/state/listen-ended", UriKind.Relative));

        Assert.Equal("session_over",
            await CodeAsync(ListenAsync("listen-ended", "s1", 0, ListeningAudio.Chunks(fixture.Recording, 2)[0]), HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Without_offline_speech_the_server_does_not_listen()
    {
        using var app = new InterviewApp(fixture.App.Azurite, settings: new Dictionary<string, string> { ["Speech:Provider"] = "none" });
        using var client = app.CreateClient();
        await client.StartAsync("listen-none");

        using var chunk = new ByteArrayContent(ListeningAudio.Chunks(fixture.Recording, 2)[0]);
        var response = await client.PostAsync(new Uri("/session/listen/listen-none?stream_id=s1&seq=0", UriKind.Relative), chunk);

        Assert.Equal("live_listening_unavailable", (string)(await response.ProblemAsync(HttpStatusCode.NotFound))["code"]!);
    }

    private Task<HttpResponseMessage> ListenAsync(string id, string streamId, int seq, byte[] chunk)
    {
        var body = new ByteArrayContent(chunk);
        body.Headers.ContentType = new MediaTypeHeaderValue("audio/webm");
        return fixture.Client.PostAsync(new Uri($"/session/listen/{id}?stream_id={Uri.EscapeDataString(streamId)}&seq={seq}",
            UriKind.Relative), body);
    }

    private Task<HttpResponseMessage> TurnAsync(string id, byte[] recording, string streamId)
    {
        var audio = new ByteArrayContent(recording);
        audio.Headers.ContentType = new MediaTypeHeaderValue("audio/webm");
        var form = new MultipartFormDataContent { { audio, "audio", "blob" }, { new StringContent(streamId), "stream_id" } };
        return fixture.Client.PostTurnAsync(id, form, null);
    }

    private static async Task<string> CodeAsync(Task<HttpResponseMessage> request, HttpStatusCode expected) =>
        (string)(await (await request).ProblemAsync(expected))["code"]!;
}
