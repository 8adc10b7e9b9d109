using Interview.Functions.Tests.Infrastructure;
using Interview.Core.Speech;

namespace Interview.Functions.Tests.Speech;

/// <summary>
/// The offline engines end to end over HTTP: a flite recording uploaded as a browser does it is transcribed by
/// pocketsphinx, and the interviewer answers with flite audio, all served back through SAS URLs.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OfflineSpeechTests(OfflineSpeechTests.Fixture fixture) : IClassFixture<OfflineSpeechTests.Fixture>
{
    public sealed class Fixture(AzuriteFixture azurite) : OfflineSpeechFixture(azurite, ["wav"]);

    [Fact]
    public async Task Spoken_answer_is_transcribed_offline_and_answered_with_playable_speech()
    {
        var greeting = await (await fixture.Client.StartAsync("offline-round-trip")).JsonAsync();
        Assert.NotNull(greeting["interviewer_response"]!["audio_url"]);
        var recording = fixture.Audio["wav"];

        var body = await (await fixture.Client.SpeakBlobAsync("offline-round-trip", recording)).JsonAsync();

        var candidate = body["session_state"]!["conversation_history"]![1]!;
        Assert.Equal("candidate", (string)candidate["role"]!);
        var heard = (string)candidate["content"]!;
        Assert.True(SpokenAudio.ShareHeard(heard) >= 0.8, $"Said \"{SpokenAudio.Sentence}\", heard \"{heard}\".");
        using var http = new HttpClient();
        Assert.Equal(recording, await http.GetByteArrayAsync((string)candidate["audio_url"]!));

        var reply = await http.GetByteArrayAsync((string?)body["interviewer_response"]!["audio_url"]
            ?? throw new Xunit.Sdk.XunitException("The reply has no audio_url."));
        Assert.Equal("RIFF"u8.ToArray(), reply[..4]);
        Assert.True(WavLength.Read(reply) > TimeSpan.Zero, "The reply's WAV header gives no playable length.");

        var timings = body["timings"]!;
        Assert.True((long)timings["stt_ms"]! > 0, $"timings: {timings.ToJsonString()}");
        Assert.True((long)timings["tts_ms"]! > 0, $"timings: {timings.ToJsonString()}");
    }

    [Fact]
    public async Task Health_reports_offline_speech_in_both_directions()
    {
        var health = await (await fixture.Client.GetAsync("/health")).JsonAsync();

        Assert.Equal("offline", (string)health["speech"]!);
        Assert.True((bool)health["speech_to_text"]!);
        Assert.True((bool)health["text_to_speech"]!);
    }
}
