using System.Net;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Speech;

/// <summary>
/// Recordings the offline engines must refuse, uploaded as a browser does it: each gets problem+json with a stable
/// code, the interview is exactly as before, and no copy of the recording is left in Blob Storage.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AudioRefusalTests(AudioRefusalTests.Fixture fixture) : IClassFixture<AudioRefusalTests.Fixture>
{
    // The spoken answer is about 4.7 s, over this limit.
    public sealed class Fixture(AzuriteFixture azurite)
        : OfflineSpeechFixture(azurite, ["wav", "mp3"], new Dictionary<string, string> { ["Interview:MaxAudioSeconds"] = "3" });

    public static TheoryData<string, HttpStatusCode, string> Cases => new()
    {
        { "garbage", HttpStatusCode.UnsupportedMediaType, "unsupported_audio_format" },
        { "empty", HttpStatusCode.BadRequest, "empty_audio" },
        { "ogg-header-then-junk", HttpStatusCode.UnsupportedMediaType, "unsupported_audio_format" },
        { "wav-too-long", HttpStatusCode.RequestEntityTooLarge, "audio_too_long" },
        { "mp3-too-long", HttpStatusCode.RequestEntityTooLarge, "audio_too_long" },
        { "wav-with-a-chunk-claiming-2-GB", HttpStatusCode.UnsupportedMediaType, "unsupported_audio_format" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Unusable_recording_is_refused_and_leaves_nothing_behind(string recording, HttpStatusCode status, string code)
    {
        var id = $"refuse-{recording}";
        await (await fixture.Client.StartAsync(id)).JsonAsync();
        var before = await fixture.Client.StableStateAsync(id);

        var response = await fixture.Client.SpeakBlobAsync(id, Bytes(recording));

        var problem = await response.ProblemAsync(status);
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Equal(before, await fixture.Client.StableStateAsync(id));
        Assert.Empty(await CandidateBlobsAsync(id));
    }

    private byte[] Bytes(string recording) => recording switch
    {
        "garbage" => [.. "this is not audio, just some text a buggy client sent instead"u8],
        "empty" => [],
        "ogg-header-then-junk" => [.. "OggS"u8, .. "\0\u0002 but nothing after the capture pattern is a real Ogg page"u8],
        "wav-too-long" => fixture.Audio["wav"],
        "mp3-too-long" => fixture.Audio["mp3"],
        "wav-with-a-chunk-claiming-2-GB" => WithHugeChunk(fixture.Audio["wav"]),
        _ => throw new ArgumentOutOfRangeException(nameof(recording)),
    };

    /// <summary>flite's WAV with a LIST chunk between "fmt " and "data" whose size says 2 GB: sox cannot find the data.</summary>
    private static byte[] WithHugeChunk(byte[] wav)
    {
        const int afterFmt = 36;
        Assert.True(wav.AsSpan(afterFmt, 4).SequenceEqual("data"u8), "flite no longer writes a 44-byte canonical WAV header.");
        byte[] list = [.. "LIST"u8, 0, 0, 0, 0x80, .. "INFO"u8];
        return [.. wav[..afterFmt], .. list, .. wav[afterFmt..]];
    }

    private async Task<List<string>> CandidateBlobsAsync(string id)
    {
        var container = new BlobServiceClient(fixture.App.Azurite.ConnectionString).GetBlobContainerClient(fixture.App.ContainerName);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{id}/candidate/", CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
