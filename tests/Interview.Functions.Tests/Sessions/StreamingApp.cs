using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Interview.Core.Speech;
using Interview.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Sessions;

/// <summary>An app that hears and speaks through fakes: a fixed transcript, and a voice that counts what it was asked to say.</summary>
internal static class StreamingApp
{
    public static InterviewApp Create(AzuriteFixture azurite, CountingVoice voice, FakeSpeechToText? stt = null, Dictionary<string,
        string>? settings = null) =>
        new(azurite, s =>
        {
            s.AddSingleton<ISpeechToText>(stt ?? new FakeSpeechToText("I profiled the checkout and cut p95 from 900 to 180 milliseconds."));
            s.AddSingleton<ITextToSpeech>(voice);
        }, settings);

    public static MultipartFormDataContent Recording()
    {
        var part = new ByteArrayContent(TestAudio.Wav());
        part.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        return new MultipartFormDataContent { { part, "audio", "blob" } };
    }
}

/// <summary>"Synthesizes" each text as a short WAV and records every text it was asked for.</summary>
internal sealed class CountingVoice : ITextToSpeech
{
    private readonly ConcurrentQueue<string> _said = new();

    public IReadOnlyList<string> Said => [.. _said];

    public Task<AudioClip> SynthesizeAsync(string text, SpeechHints hints, CancellationToken cancellationToken)
    {
        _said.Enqueue(text);
        return Task.FromResult(new AudioClip(TestAudio.Wav(0.05), "audio/wav"));
    }

    public string Fingerprint(SpeechHints hints) => "counting|test";
}
