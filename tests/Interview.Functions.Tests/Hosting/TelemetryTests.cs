using System.Collections.Concurrent;
using System.Diagnostics;
using Interview.Functions.Hosting;
using Interview.Functions.Tests.Infrastructure;
using Interview.Core.Speech;
using Interview.Core.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Interview.Functions.Tests.Hosting;

[Collection(AzuriteCollection.Name)]
public sealed class TelemetryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Audio_turn_is_one_span_with_stt_brain_tts_and_store_children()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == TurnTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var app = new InterviewApp(azurite, s =>
        {
            s.AddSingleton<ISpeechToText>(new FakeSpeechToText("I cut latency by half with a cache."));
            s.AddSingleton<ITextToSpeech>(new SilentTextToSpeech());
        });
        var client = app.CreateClient();
        await (await client.StartAsync("otel-1")).JsonAsync();

        await (await client.SpeakAsync("otel-1", TestAudio.Wav())).JsonAsync();

        var turn = Assert.Single(spans, s => s.OperationName == "turn" && (string?)s.GetTagItem("interview.id") == "otel-1");
        var children = spans.Where(s => s.ParentSpanId == turn.SpanId).Select(s => s.OperationName).Order();
        Assert.Equal(["brain", "store", "stt", "tts"], children);
    }

    [Fact]
    public void Application_insights_connection_string_turns_on_the_opentelemetry_exporters()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetrySetup.ConnectionSetting] =
                "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        });
        builder.AddTelemetry();
        using var services = builder.Services.BuildServiceProvider();

        Assert.NotNull(services.GetService<TracerProvider>());
    }

    private sealed class SilentTextToSpeech : ITextToSpeech
    {
        public Task<AudioClip> SynthesizeAsync(string text, SpeechHints hints, CancellationToken cancellationToken) =>
            Task.FromResult(new AudioClip(TestAudio.Wav(0.1), "audio/wav"));

        public string Fingerprint(SpeechHints hints) => "silent";
    }
}
