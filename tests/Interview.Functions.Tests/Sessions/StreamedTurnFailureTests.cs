using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Interview.Functions.Tests.Infrastructure;
using Interview.Core.Speech;
using Interview.Functions.Tests.Interviewer;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Sessions;

/// <summary>
/// A streamed turn that goes wrong: an invalid or failing model reply restarts the words with a reset and the turn still
/// ends in done; speech-to-text failing after the stream began is an error event with nothing kept; refusals known
/// before any work stay plain problems.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StreamedTurnFailureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Invalid_streamed_reply_restarts_the_words_with_a_reset_and_the_re_ask_answers()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Create(azurite, model, callTimeout: "00:00:10", budget: "00:00:20");
        var client = await app.StartedAsync(model, "st-5");
        model.Enqueue(
            ChatReplies.Streamed(ChatReplies.TurnJson("dance", "Let us dance instead of talking.")),
            ChatReplies.StreamedTurn("new_question", "Thanks. Tell me about a hard bug you fixed."));

        var (_, events) = await client.StreamTurnAsync("st-5", EventStream.Text(StreamedTurnTests.Answer));

        Assert.Single(events, e => e.Name == "text" && (bool?)e.Data["reset"] == true);
        Assert.Equal("Thanks. Tell me about a hard bug you fixed.", StreamedTurnTests.Spoken(events));
        Assert.Equal("Thanks. Tell me about a hard bug you fixed.", (string)events[^1].Data["interviewer_response"]!["text"]!);
    }

    [Fact]
    public async Task Model_failing_mid_stream_degrades_to_the_rules_brain_with_a_reset_not_an_error()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Create(azurite, model, callTimeout: "00:00:01", budget: "00:00:02");
        var client = await app.StartedAsync(model, "st-6");
        model.Default = _ => ChatReplies.Error(500);
        // The stream breaks off after its first words (the checked fields come before them); every attempt after that fails.
        var broken = ChatReplies.StreamedTurn("new_question", "Thanks. Tell me about", chars: 40);
        model.Enqueue(broken with { Stream = broken.Stream!.Take(4).ToList() });

        var (_, events) = await client.StreamTurnAsync("st-6", EventStream.Text(StreamedTurnTests.Answer));

        var done = events[^1];
        Assert.Equal("done", done.Name);
        Assert.StartsWith("Fallback to the rules brain", (string)done.Data["interviewer_response"]!["action"]!["reasoning"]!,
            StringComparison.Ordinal);
        Assert.Contains(events, e => e.Name == "text" && (bool?)e.Data["reset"] == true);
        Assert.Equal((string)done.Data["interviewer_response"]!["text"]!, StreamedTurnTests.Spoken(events));
    }

    [Fact]
    public async Task Speech_to_text_failing_after_the_stream_began_is_an_error_event_and_nothing_is_kept()
    {
        using var app = StreamingApp.Create(azurite, new CountingVoice(), new FakeSpeechToText("", unavailable: true));
        var client = app.CreateClient();
        await (await client.StartAsync("st-7")).JsonAsync();
        var before = await client.StableStateAsync("st-7");

        var (response, events) = await client.StreamTurnAsync("st-7", StreamingApp.Recording());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Assert.Single(events);
        Assert.Equal(("error", "speech_unavailable", 503), (error.Name, (string)error.Data["code"]!, (int)error.Data["status"]!));
        Assert.Equal(before, await client.StableStateAsync("st-7"));
        Assert.Empty(await app.BlobsAsync("st-7/candidate/"));
    }

    [Fact]
    public async Task Refusals_known_before_any_work_stay_plain_problems()
    {
        using var app = StreamingApp.Create(azurite, new CountingVoice());
        var client = app.CreateClient();

        var (unknown, _) = await client.StreamTurnAsync("st-nobody", EventStream.Text(StreamedTurnTests.Answer));
        var (badId, _) = await client.StreamTurnAsync("bad!id", EventStream.Text(StreamedTurnTests.Answer));
        await (await client.StartAsync("st-8")).JsonAsync();
        await (await client.DeleteAsync("/session/state/st-8")).JsonAsync(HttpStatusCode.Accepted);
        var (over, _) = await client.StreamTurnAsync("st-8", EventStream.Text(StreamedTurnTests.Answer));

        Assert.Equal("not_found", (string)(await unknown.ProblemAsync(HttpStatusCode.NotFound))["code"]!);
        Assert.Equal("invalid_interview_id", (string)(await badId.ProblemAsync(HttpStatusCode.BadRequest))["code"]!);
        Assert.Equal("session_over", (string)(await over.ProblemAsync(HttpStatusCode.Conflict))["code"]!);
    }
}
