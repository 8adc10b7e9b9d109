using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Interview.Functions.Tests.Infrastructure;
using Interview.Core.Speech;
using Interview.Functions.Tests.Interviewer;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Sessions;

/// <summary>
/// POST /session/turn with Accept: text/event-stream: transcript, the interviewer's words as they come, each sentence's
/// audio in order, then done (the buffered body) or error. Refusals known before any work stay plain problems.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class StreamedTurnTests(AzuriteFixture azurite)
{
    internal const string Answer = "At my last job I led a migration that cut checkout failures by 90 percent in three months.";

    [Fact]
    public async Task Spoken_answer_streams_transcript_words_audio_and_done_in_that_order()
    {
        using var app = StreamingApp.Create(azurite, new CountingVoice());
        var client = app.CreateClient();
        await (await client.StartAsync("st-1")).JsonAsync();

        var (response, events) = await client.StreamTurnAsync("st-1", StreamingApp.Recording());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        var names = events.Select(e => e.Name).ToList();
        Assert.Equal("transcript", names[0]);
        Assert.Equal("I profiled the checkout and cut p95 from 900 to 180 milliseconds.", (string)events[0].Data["text"]!);
        Assert.Equal("done", names[^1]);
        Assert.True(names.IndexOf("text") < names.IndexOf("audio"), string.Join(",", names));
        var done = events[^1].Data;
        var said = (string)done["interviewer_response"]!["text"]!;
        Assert.Equal(said, string.Concat(events.Where(e => e.Name == "text").Select(e => (string)e.Data["delta"]!)));
        var audio = events.Where(e => e.Name == "audio").ToList();
        Assert.Equal(Enumerable.Range(0, audio.Count), audio.Select(a => (int)a.Data["index"]!));
        Assert.Equal(said, string.Join(' ', audio.Select(a => (string)a.Data["text"]!)));
        using var http = new HttpClient();
        Assert.NotEmpty(await http.GetByteArrayAsync((string)done["interviewer_response"]!["audio_url"]!)); // the whole line plays
        Assert.Equal(3, done["session_state"]!["conversation_history"]!.AsArray().Count);
    }

    [Fact]
    public async Task Done_is_the_body_a_buffered_request_gets_and_a_retry_of_a_streamed_turn_replays_it()
    {
        using var app = StreamingApp.Create(azurite, new CountingVoice());
        var client = app.CreateClient();
        await (await client.StartAsync("st-2")).JsonAsync();

        var (_, streamed) = await client.StreamTurnAsync("st-2", EventStream.Text(Answer), "key-1");
        var buffered = await (await client.AnswerAsync("st-2", Answer, "key-1")).JsonAsync();
        var (_, replayed) = await client.StreamTurnAsync("st-2", EventStream.Text(Answer), "key-1");

        var done = streamed[^1].Data;
        Assert.Equal(Unsigned(buffered.WithoutTimings()), Unsigned(done.WithoutTimings()));
        var again = Assert.Single(replayed);
        Assert.Equal("done", again.Name);
        Assert.Equal(Unsigned(done.WithoutTimings()), Unsigned(again.Data.WithoutTimings()));
        Assert.Equal(3, (await client.StateOrNullAsync("st-2"))!["conversation_history"]!.AsArray().Count); // stored once
    }

    [Fact]
    public async Task Model_words_and_the_first_sentence_audio_arrive_while_the_model_is_still_writing()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Create(azurite, model, callTimeout: "00:00:10", budget: "00:00:20");
        var client = await app.StartedAsync(model, "st-3");
        model.Enqueue(ChatReplies.StreamedTurn("ask_followup",
            "Thanks, that is a clear result. What did you measure first, and why that? Take your time.", chars: 12,
                pause: TimeSpan.FromMilliseconds(120)));

        var (_, events) = await client.StreamTurnAsync("st-3", EventStream.Text(Answer));

        var texts = events.Where(e => e.Name == "text").ToList();
        Assert.True(texts.Count > 3, "the words should arrive in pieces");
        Assert.Equal("Thanks, that is a clear result. What did you measure first, and why that? Take your time.",
            string.Concat(texts.Select(t => (string)t.Data["delta"]!)));
        Assert.True((bool)model.Requests[^1].Body["stream"]!);
        Assert.Equal("done", events[^1].Name);
        Assert.Equal("ask_followup", (string)events[^1].Data["interviewer_response"]!["action"]!["action_type"]!);
    }

    [Fact]
    public async Task First_sentence_is_spoken_before_the_model_finishes_writing()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Voiced(azurite, model, acknowledge: false); // the lines asserted here are the model's own
        var client = await app.StartedAsync(model, "st-4");
        model.Enqueue(ChatReplies.StreamedTurn("new_question",
            "Thanks for walking me through that project. Now tell me about a time you disagreed with your team.",
            chars: 8, pause: TimeSpan.FromMilliseconds(150)));

        var (_, events) = await client.StreamTurnAsync("st-4", EventStream.Text(Answer));

        var names = events.Select(e => e.Name).ToList();
        var firstAudio = names.IndexOf("audio");
        Assert.True(firstAudio > 0 && names.Skip(firstAudio).Contains("text"),
            $"audio for sentence 0 must come before the last words: {string.Join(",", names)}");
        Assert.Equal("Thanks for walking me through that project.", (string)events[firstAudio].Data["text"]!);
        Assert.Equal(2, events.Count(e => e.Name == "audio"));
    }

    [Fact]
    public async Task A_line_said_before_is_found_not_synthesized_again()
    {
        var voice = new CountingVoice();
        using var app = StreamingApp.Create(azurite, voice);
        var client = app.CreateClient();

        await (await client.StartAsync("cache-1")).JsonAsync();
        var greetings = voice.Said.Count;
        var second = await (await client.StartAsync("cache-2")).JsonAsync();

        Assert.Equal(1, greetings);
        Assert.Equal(greetings, voice.Said.Count); // the same greeting: no synthesis call
        using var http = new HttpClient();
        Assert.NotEmpty(await http.GetByteArrayAsync((string)second["interviewer_response"]!["audio_url"]!));
        // A line that names the candidate is theirs: kept under their interview, never shared.
        var named = await (await client.StartAsync("cache-3", new { candidate_name = "Grace" })).JsonAsync();
        Assert.Contains("/cache-3/interviewer/", (string)named["interviewer_response"]!["audio_url"]!, StringComparison.Ordinal);
    }

    /// <summary>The words as the page shows them: everything after the last reset.</summary>
    internal static string Spoken(List<EventStream.Event> events)
    {
        var texts = events.Where(e => e.Name == "text").ToList();
        var last = texts.FindLastIndex(t => (bool?)t.Data["reset"] == true);
        return string.Concat(texts.Skip(Math.Max(0, last)).Select(t => (string)t.Data["delta"]!));
    }

    /// <summary>SAS signatures differ per read; the rest must not.</summary>
    private static string Unsigned(string json) => Signature().Replace(json, "");

    [GeneratedRegex("\\?sv=[^\"]*")]
    private static partial Regex Signature();
}
