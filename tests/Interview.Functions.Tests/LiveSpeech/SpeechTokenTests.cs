using System.Net;
using System.Net.Http.Headers;
using Azure.Core;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Security;
using Interview.Functions.Tests.Speech;

namespace Interview.Functions.Tests.LiveSpeech;

/// <summary>POST /session/speech-token/{id}: the Speech token service's token for the page, never the app's own credential.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SpeechTokenTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Candidate_gets_an_sts_token_with_the_plan_locale_and_phrases_and_never_the_key()
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = LiveSpeechApp.Create(azurite, speech);
        var (client, _) = await app.CandidateAsync("live-1");

        var response = await client.SpeechTokenAsync("live-1");
        var raw = await response.Content.ReadAsStringAsync();
        var body = await response.JsonAsync();

        Assert.Equal(LiveSpeechApp.StsToken, (string)body["token"]!);
        Assert.Equal(LiveSpeechApp.Host, ((string)body["host"]!).TrimEnd('/'));
        Assert.Equal("en-US", (string)body["locale"]!);
        Assert.Equal(600, (int)body["expires_in"]!);
        var phrases = body["phrases"]!.AsArray().Select(p => (string)p!).ToList();
        Assert.Contains("Software Engineer", phrases);
        Assert.Contains("Kubernetes", phrases);
        Assert.DoesNotContain(AzureSpeechApp.Key, raw, StringComparison.Ordinal);
        var sts = Assert.Single(speech.Requests, r => r.Path == LiveSpeechApp.StsPath);
        Assert.Equal("POST", sts.Method);
        Assert.Equal(AzureSpeechApp.Key, sts.Headers["Ocp-Apim-Subscription-Key"]);
    }

    [Fact]
    public async Task With_entra_id_the_app_token_goes_to_the_token_service_and_only_its_answer_to_the_page()
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = LiveSpeechApp.Create(azurite, speech, key: null, credential: new EntraCredential());
        var (client, _) = await app.CandidateAsync("live-2");

        var response = await client.SpeechTokenAsync("live-2");
        var raw = await response.Content.ReadAsStringAsync();
        var body = await response.JsonAsync();

        Assert.Equal(LiveSpeechApp.StsToken, (string)body["token"]!);
        Assert.DoesNotContain(EntraCredential.Token, raw, StringComparison.Ordinal);
        var sts = Assert.Single(speech.Requests, r => r.Path == LiveSpeechApp.StsPath);
        Assert.Equal($"Bearer {EntraCredential.Token}", sts.Headers["Authorization"]);
        Assert.False(sts.Headers.ContainsKey("Ocp-Apim-Subscription-Key"));
    }

    [Fact]
    public async Task Without_azure_speech_the_answer_is_404_live_speech_unavailable_so_the_page_records_as_before()
    {
        using var app = TokenApp.Create(azurite);
        var (client, _) = await app.CandidateAsync("live-3");

        var problem = await (await client.SpeechTokenAsync("live-3")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("live_speech_unavailable", (string)problem["code"]!);
    }

    [Fact]
    public async Task Without_a_session_token_401_and_with_another_interviews_token_403_and_no_token_is_issued()
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = LiveSpeechApp.Create(azurite, speech);
        var (other, _) = await app.CandidateAsync("live-4b");
        await app.CandidateAsync("live-4");

        var anonymous = await app.CreateClient().SpeechTokenAsync("live-4");
        var foreign = await other.SpeechTokenAsync("live-4");

        await anonymous.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("forbidden", (string)(await foreign.ProblemAsync(HttpStatusCode.Forbidden))["code"]!);
        Assert.DoesNotContain(speech.Requests, r => r.Path == LiveSpeechApp.StsPath);
    }

    [Fact]
    public async Task An_ended_interview_gets_no_token_409_session_over()
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = LiveSpeechApp.Create(azurite, speech);
        var (client, _) = await app.CandidateAsync("live-6");
        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync("/session/state/live-6")).StatusCode);

        var problem = await (await client.SpeechTokenAsync("live-6")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("session_over", (string)problem["code"]!);
        Assert.DoesNotContain(speech.Requests, r => r.Path == LiveSpeechApp.StsPath);
    }

    [Fact]
    public async Task Token_service_outage_answers_503_speech_unavailable_with_retry_after()
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = LiveSpeechApp.Create(azurite, speech);
        var (client, _) = await app.CandidateAsync("live-5");
        speech.Default = _ => new FakeHttpServer.Reply(503, "down");

        var response = await client.SpeechTokenAsync("live-5");

        Assert.Equal("speech_unavailable", (string)(await response.ProblemAsync(HttpStatusCode.ServiceUnavailable))["code"]!);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private sealed class EntraCredential : TokenCredential
    {
        public const string Token = "entra-token-of-the-app";

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(Token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
