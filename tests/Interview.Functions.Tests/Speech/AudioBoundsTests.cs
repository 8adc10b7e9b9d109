using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using Interview.Core.Speech;
using Interview.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Interview.Functions.Tests.Speech;

/// <summary>
/// Issue 21.3: a recording over Interview:MaxAudioSeconds (300) is refused from its own bytes, before it is stored or
/// transcribed: 413 audio_too_long, no blob, no row, no speech-to-text call. The two-hour WebM is MediaRecorder-like
/// (no Duration); the forged WAV claims 2 s over half an hour of samples. Times are printed, never asserted.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AudioBoundsTests(AzuriteFixture azurite, LengthRecordings files, ITestOutputHelper output)
    : IClassFixture<LengthRecordings>
{
    public static TheoryData<string> TooLong => ["webm-2h", "forged-wav"];

    [Theory]
    [MemberData(nameof(TooLong))]
    public async Task Too_long_recording_is_refused_before_speech_to_text_and_leaves_nothing_stored(string recording)
    {
        var stt = new FakeSpeechToText("never heard");
        using var app = new InterviewApp(azurite, s => s.AddSingleton<ISpeechToText>(stt));

        await AssertRefusedAsync(app, $"bound-fake-{recording}", Bytes(recording));

        Assert.Equal(0, stt.Calls);
    }

    [Theory]
    [MemberData(nameof(TooLong))]
    public async Task Azure_recogniser_is_never_called_for_a_too_long_recording(string recording)
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = AzureSpeechApp.Create(azurite, speech);

        await AssertRefusedAsync(app, $"bound-az-{recording}", Bytes(recording));

        Assert.DoesNotContain(speech.Requests, r => r.Path == AzureSpeechApp.SttPath);
    }

    [Theory]
    [MemberData(nameof(TooLong))]
    public async Task Offline_engines_refuse_a_too_long_recording_without_decoding_it(string recording)
    {
        using var app = new InterviewApp(azurite, settings: new Dictionary<string, string> { ["Speech:Provider"] = "offline" });

        await AssertRefusedAsync(app, $"bound-off-{recording}", Bytes(recording));
    }

    [Fact]
    public async Task Recording_within_the_limit_still_reaches_speech_to_text()
    {
        var stt = new FakeSpeechToText("short answer");
        using var app = new InterviewApp(azurite, s => s.AddSingleton<ISpeechToText>(stt));
        var client = app.CreateClient();
        await (await client.StartAsync("bound-short")).JsonAsync();

        await (await client.SpeakBlobAsync("bound-short", files["webm-live"])).JsonAsync();

        Assert.Equal(1, stt.Calls);
        Assert.Single(await app.BlobsAsync("bound-short/candidate/"));
    }

    private byte[] Bytes(string recording) =>
        recording == "webm-2h" ? files["webm-live-2h"] : AudioLengthTests.ForgedWav(claimedSeconds: 2, actualSeconds: 1800);

    private async Task AssertRefusedAsync(InterviewApp app, string id, byte[] audio)
    {
        var client = app.CreateClient();
        await (await client.StartAsync(id)).JsonAsync();
        var before = await client.StableStateAsync(id);
        var rows = await RowsAsync(app);

        var watch = Stopwatch.StartNew();
        var response = await client.SpeakBlobAsync(id, audio);
        var ms = watch.Elapsed.TotalMilliseconds;
        output.WriteLine($"{id}: {audio.Length / 1e6:0.0} MB answered {(int)response.StatusCode} in {ms:0} ms");

        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("audio_too_long", (string?)problem["code"]);
        Assert.Equal(before, await client.StableStateAsync(id));
        Assert.Equal(rows, await RowsAsync(app));
        Assert.Empty(await app.BlobsAsync($"{id}/candidate/"));
    }

    /// <summary>Every row of the app's table, keys and ETags: a refused turn must change none and add none.</summary>
    private static async Task<string> RowsAsync(InterviewApp app)
    {
        var rows = new List<string>();
        var table = new TableClient(app.Azurite.ConnectionString, app.TableName);
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            rows.Add($"{row.PartitionKey}/{row.RowKey}/{row.ETag}");
        }

        return string.Join('\n', rows.Order(StringComparer.Ordinal));
    }
}
