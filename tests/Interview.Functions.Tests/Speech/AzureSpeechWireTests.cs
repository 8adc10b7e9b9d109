using System.Text.Json.Nodes;
using System.Xml.Linq;
using Azure.Core;
using Interview.Functions.Speech.Azure;
using Interview.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Speech;

/// <summary>What the app sends to Azure AI Speech, asserted at a loopback server speaking its REST protocol.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureSpeechWireTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Audio_turn_is_one_fast_transcription_with_locale_profanity_filter_and_the_plan_phrase_list()
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = AzureSpeechApp.Create(azurite, speech);
        var client = app.CreateClient();
        await (await client.StartAsync("az-1")).JsonAsync();
        var recording = TestAudio.Wav();

        var body = await (await client.SpeakAsync("az-1", recording)).JsonAsync();

        var candidate = body["session_state"]!["conversation_history"]![1]!;
        Assert.Equal(AzureSpeechApp.Heard, (string)candidate["content"]!);
        Assert.Equal(0.8, (double)candidate["confidence"]!, 3);
        var stt = Assert.Single(speech.Requests, r => r.Path == AzureSpeechApp.SttPath);
        Assert.Equal("POST", stt.Method);
        Assert.Equal("?api-version=2024-11-15", stt.Query);
        Assert.Equal(AzureSpeechApp.Key, stt.Headers["Ocp-Apim-Subscription-Key"]);
        Assert.Contains(SpeechHttp.UserAgent, stt.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Equal("audio/wav", stt.Parts["audio"].ContentType);
        Assert.Equal(recording, stt.Parts["audio"].Bytes);
        var definition = JsonNode.Parse(stt.Parts["definition"].Text)!;
        Assert.Equal(["en-US"], definition["locales"]!.AsArray().Select(l => (string)l!));
        Assert.Equal("Masked", (string)definition["profanityFilterMode"]!);
        var phrases = definition["phraseList"]!["phrases"]!.AsArray().Select(p => (string)p!).ToList();
        Assert.Contains("Software Engineer", phrases);
        Assert.Contains("Kubernetes", phrases);
        Assert.Contains("idempotency", phrases);
    }

    [Fact]
    public async Task Reply_is_synthesized_from_escaped_ssml_in_the_configured_format_and_served_by_sas_url()
    {
        await using var speech = await FakeHttpServer.StartAsync();
        using var app = AzureSpeechApp.Create(azurite, speech);
        var client = app.CreateClient();

        var body = await (await client.StartAsync("az-2", new { candidate_name = "Ada <Admin> & Co" })).JsonAsync();

        var tts = Assert.Single(speech.Requests, r => r.Path == AzureSpeechApp.TtsPath);
        Assert.Equal("audio-24khz-48kbitrate-mono-mp3", tts.Headers["X-Microsoft-OutputFormat"]);
        Assert.StartsWith("application/ssml+xml", tts.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains(SpeechHttp.UserAgent, tts.Headers["User-Agent"], StringComparison.Ordinal);
        var ssml = XDocument.Parse(tts.Text);
        XNamespace ns = "http://www.w3.org/2001/10/synthesis";
        var voice = ssml.Root!.Element(ns + "voice")!;
        Assert.Equal("en-US-AvaMultilingualNeural", (string)voice.Attribute("name")!);
        Assert.Equal("en-US", (string)ssml.Root.Attribute(XNamespace.Xml + "lang")!);
        Assert.Equal((string)body["interviewer_response"]!["text"]!, voice.Value);
        Assert.Contains("Ada <Admin> & Co", voice.Value, StringComparison.Ordinal);

        using var http = new HttpClient();
        var audio = await http.GetByteArrayAsync((string)body["interviewer_response"]!["audio_url"]!);
        Assert.Equal(AzureSpeechApp.Mp3, audio);
    }

    [Fact]
    public async Task Without_a_key_requests_carry_an_entra_token_for_cognitive_services()
    {
        await using var speech = await FakeHttpServer.StartAsync();
        var credential = new FixedTokenCredential();
        using var app = AzureSpeechApp.Create(azurite, speech, key: null, services: s => s.AddSingleton<TokenCredential>(credential));
        var client = app.CreateClient();
        await (await client.StartAsync("az-3")).JsonAsync();

        await (await client.SpeakAsync("az-3", TestAudio.Wav())).JsonAsync();

        Assert.All(speech.Requests, r => Assert.Equal("Bearer entra-token", r.Headers["Authorization"]));
        Assert.All(speech.Requests, r => Assert.False(r.Headers.ContainsKey("Ocp-Apim-Subscription-Key")));
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.Scopes);
        Assert.Equal(1, credential.Calls);
    }

    [Fact]
    public void Ssml_escapes_markup_ampersands_and_quotes()
    {
        var ssml = AzureTextToSpeech.Ssml("Use <b> & \"quotes\" 'here'", "en-GB-Ryan'Neural", "en-GB");

        var voice = XDocument.Parse(ssml).Root!.Elements().Single();
        Assert.Equal("Use <b> & \"quotes\" 'here'", voice.Value);
        Assert.Equal("en-GB-Ryan'Neural", (string)voice.Attribute("name")!);
    }

    private sealed class FixedTokenCredential : TokenCredential
    {
        public int Calls { get; private set; }

        public string[] Scopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Calls++;
            Scopes = requestContext.Scopes;
            return ValueTask.FromResult(new AccessToken("entra-token", DateTimeOffset.UtcNow.AddHours(1)));
        }
    }
}
