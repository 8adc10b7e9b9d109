using System.Net.Http.Headers;
using Azure.Core;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Security;
using Interview.Functions.Tests.Speech;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.LiveSpeech;

/// <summary>
/// The app on Azure AI Speech in token mode, its REST endpoints and token service (STS) on one <see cref="FakeHttpServer"/>,
/// with a host for the page's live recognition: what a deployed candidate page talks to.
/// </summary>
internal static class LiveSpeechApp
{
    public const string StsPath = "/sts/v1.0/issueToken";
    public const string StsToken = "sts-token-for-one-resource";
    public const string Host = "wss://live.speech.test";

    public static InterviewApp Create(
        AzuriteFixture azurite, FakeHttpServer speech, string? key = AzureSpeechApp.Key, TokenCredential? credential = null)
    {
        var app = AzureSpeechApp.Create(azurite, speech, key,
            s => { if (credential is not null) s.AddSingleton(credential); },
            new Dictionary<string, string>
            {
                ["Security:Mode"] = "token",
                ["Security:SigningKey"] = TokenApp.SigningKey,
                ["Security:AdminKey"] = TokenApp.AdminKey,
                ["AzureSpeech:RecognitionHost"] = Host,
            });
        var rest = speech.Default;
        speech.Default = r => r.Path == StsPath ? new FakeHttpServer.Reply(200, StsToken) { ContentType = "application/jwt" } : rest(r);
        return app;
    }

    public static Task<HttpResponseMessage> SpeechTokenAsync(this HttpClient client, string id) =>
        client.PostAsync($"/session/speech-token/{id}", null);

    /// <summary>A recording with the words the page recognised while it was spoken.</summary>
    public static Task<HttpResponseMessage> SpeakRecognisedAsync(
        this HttpClient client, string id, byte[] audio, string transcript, string? key = null)
    {
        var part = new ByteArrayContent(audio);
        part.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        var form = new MultipartFormDataContent { { part, "audio", "answer.wav" }, { new StringContent(transcript), "transcript" } };
        return client.PostTurnAsync(id, form, key);
    }
}
