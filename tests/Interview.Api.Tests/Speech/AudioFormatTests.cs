using Interview.Api.Tests.Infrastructure;

namespace Interview.Api.Tests.Speech;

/// <summary>
/// Every format a browser or phone records in, made from one flite recording with sox and ffmpeg, goes through
/// the offline speech-to-text: sniffed from its bytes (the upload is just "blob"), decoded, resampled, transcribed.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AudioFormatTests(AudioFormatTests.Fixture fixture) : IClassFixture<AudioFormatTests.Fixture>
{
    public sealed class Fixture(AzuriteFixture azurite) : OfflineSpeechFixture(azurite, [.. Formats.Select(f => (string)f[0])]);

    // Lossy codecs may cost a word or two; lossless ones must keep (nearly) all.
    public static TheoryData<string, double> Formats => new()
    {
        { "wav", 0.8 },
        { "wav-44k-stereo", 0.8 },
        { "flac", 0.8 },
        { "ogg-opus", 0.6 },
        { "ogg-vorbis", 0.6 },
        { "webm-opus", 0.6 },
        { "mp3", 0.6 },
        { "m4a-aac", 0.6 },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Recording_in_each_format_is_transcribed(string format, double minimumHeard)
    {
        var id = $"format-{format}";
        await (await fixture.Client.StartAsync(id)).JsonAsync();

        var body = await (await fixture.Client.SpeakBlobAsync(id, fixture.Audio[format])).JsonAsync();

        var heard = (string)body["session_state"]!["conversation_history"]![1]!["content"]!;
        Assert.True(SpokenAudio.ShareHeard(heard) >= minimumHeard, $"{format}: said \"{SpokenAudio.Sentence}\", heard \"{heard}\".");
    }
}
