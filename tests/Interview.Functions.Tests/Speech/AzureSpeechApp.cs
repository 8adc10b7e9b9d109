using System.Text.Json;
using Interview.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Speech;

/// <summary>The app on Azure AI Speech, both endpoints pointed at one <see cref="FakeHttpServer"/> that answers like the service.</summary>
internal static class AzureSpeechApp
{
    public const string Key = "speech-key-not-a-secret";
    public const string SttPath = "/speechtotext/transcriptions:transcribe";
    public const string TtsPath = "/cognitiveservices/v1";
    public const string Heard = "I scaled our Kubernetes cluster to 40 nodes and cut latency by half.";

    /// <summary>What the TTS "says": an ID3-tagged MP3 as the default output format would be.</summary>
    public static readonly byte[] Mp3 = [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, 0xFF, 0xFB, 0x90, 0x64, 1, 2, 3, 4];

    public static InterviewApp Create(
        AzuriteFixture azurite, FakeHttpServer speech, string? key = Key, Action<IServiceCollection>? services = null,
        IDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Speech:Provider"] = "azure",
            ["Speech:CallTimeout"] = "00:00:01",
            ["Speech:RetryBudget"] = "00:00:03",
            ["AzureSpeech:SttEndpoint"] = speech.BaseUrl.ToString(),
            ["AzureSpeech:TtsEndpoint"] = speech.BaseUrl.ToString(),
        };
        if (key is not null)
        {
            settings["AzureSpeech:ApiKey"] = key;
        }

        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            settings[name] = value;
        }

        speech.Default = r => r.Path == SttPath ? Transcription(Heard) : Audio();
        return new InterviewApp(azurite, services, settings);
    }

    /// <summary>A fast-transcription result: two phrases with confidences, and the combined text.</summary>
    public static FakeHttpServer.Reply Transcription(string text) => new(200, JsonSerializer.Serialize(new
    {
        durationMilliseconds = 4200,
        combinedPhrases = new[] { new { text } },
        phrases = new[]
        {
            new { offsetMilliseconds = 0, durationMilliseconds = 3000, text = "first part", locale = "en-US", confidence = 0.9 },
            new { offsetMilliseconds = 3000, durationMilliseconds = 1000, text = "second part", locale = "en-US", confidence = 0.5 },
        },
    }));

    public static FakeHttpServer.Reply Audio() => new(200, "") { Bytes = Mp3, ContentType = "audio/mpeg" };
}
