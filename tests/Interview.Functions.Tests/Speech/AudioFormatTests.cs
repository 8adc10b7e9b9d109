using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Speech;

/// <summary>
/// Every format a browser or phone records in, made from one flite recording with sox and ffmpeg, goes through
/// the offline speech-to-text: sniffed from its bytes (the upload is just "blob"), decoded, resampled, transcribed.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AudioFormatTests(AudioFormatTests.Fixture fixture) : IClassFixture<AudioFormatTests.Fixture>
{
    public sealed class Fixture(AzuriteFixture azurite) : OfflineSpeechFixture(azurite, [.. Formats.Select(f => (string)f[0])]);

    // Lossy codecs may cost a word or two; lossless ones must keep (nearly) all.
    public static TheoryData<string, int> Formats => new()
    {
        { "wav", 80 },
        { "wav-44k-stereo", 80 },
        { "flac", 80 },
        { "ogg-opus", 60 },
        { "ogg-vorbis", 60 },
        { "webm-opus", 60 },
        { "mp3", 60 },
        { "m4a-aac", 60 },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Recording_in_each_format_is_transcribed(string format, int minimumPercentHeard)
    {
        var id = $"format-{format}";
        await (await fixture.Client.StartAsync(id)).JsonAsync();

        var body = await (await fixture.Client.SpeakBlobAsync(id, fixture.Audio[format])).JsonAsync();

        var heard = (string)body["session_state"]!["conversation_history"]![1]!["content"]!;
        Assert.True(SpokenAudio.ShareHeard(heard) * 100 >= minimumPercentHeard,
            $"{format}: said \"{SpokenAudio.Sentence}\", heard \"{heard}\".");
    }
}
