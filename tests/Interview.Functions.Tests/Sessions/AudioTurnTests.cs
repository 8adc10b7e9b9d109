using System.Net;
using Interview.Functions.Tests.Infrastructure;
using Interview.Core.Speech;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Sessions;

/// <summary>Audio answers: stored under the interview's prefix in Blob Storage and served back through a short-lived SAS URL.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AudioTurnTests(AzuriteFixture azurite)
{
    private const string Heard = "At my last job I led a migration of 40 services to Kubernetes and cut deploy time by half.";

    [Fact]
    public async Task Audio_answer_is_transcribed_stored_and_readable_through_its_sas_url()
    {
        using var app = new InterviewApp(azurite, s => s.AddSingleton<ISpeechToText>(new FakeSpeechToText(Heard)));
        var client = app.CreateClient();
        await (await client.StartAsync("audio-1")).JsonAsync();
        var recording = TestAudio.Wav();

        var body = await (await client.SpeakAsync("audio-1", recording)).JsonAsync();

        var candidate = body["session_state"]!["conversation_history"]![1]!;
        Assert.Equal("candidate", (string)candidate["role"]!);
        Assert.Equal(Heard, (string)candidate["content"]!);
        var url = new Uri((string)candidate["audio_url"]!);
        Assert.StartsWith($"/devstoreaccount1/{app.ContainerName}/audio-1/candidate/", url.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("sig=", url.Query, StringComparison.Ordinal);
        Assert.Contains("sp=r", url.Query, StringComparison.Ordinal);

        using var http = new HttpClient();
        var fetched = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(recording, await fetched.Content.ReadAsByteArrayAsync());
        Assert.Equal("audio/wav", fetched.Content.Headers.ContentType?.MediaType);

        var unsigned = await http.GetAsync(url.GetLeftPart(UriPartial.Path));
        Assert.NotEqual(HttpStatusCode.OK, unsigned.StatusCode);
    }

    [Fact]
    public async Task Speech_to_text_outage_answers_503_with_retry_after_and_commits_nothing()
    {
        var failing = new FakeSpeechToText(Heard, unavailable: true);
        using var app = new InterviewApp(azurite, s => s.AddSingleton<ISpeechToText>(failing));
        var client = app.CreateClient();
        await (await client.StartAsync("audio-2")).JsonAsync();
        var before = (await client.StateOrNullAsync("audio-2"))!.ToJsonString();

        var response = await client.SpeakAsync("audio-2", TestAudio.Wav());

        var problem = await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("speech_unavailable", (string)problem["code"]!);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Equal(1, failing.Calls);
        Assert.Equal(before, (await client.StateOrNullAsync("audio-2"))!.ToJsonString());
    }
}
