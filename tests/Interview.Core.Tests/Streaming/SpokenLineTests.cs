using System.Collections.Concurrent;
using Interview.Core.Agent;
using Interview.Core.Speech;
using Interview.Core.Telemetry;
using Interview.Core.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interview.Core.Tests.Streaming;

/// <summary>A line while it is written: words out at once, each sentence spoken as it completes, audio in order.</summary>
public sealed class SpokenLineTests
{
    private static readonly SpeechHints Hints = new("en-US", null, []);

    [Fact]
    public async Task Sentences_are_spoken_as_they_complete_and_their_audio_goes_out_in_order_whichever_finishes_first()
    {
        var tts = new GatedVoice();
        var events = new Events();
        var line = Line(tts, events);

        line.Write("Thanks for walking me through it. Now tell me about a time ");
        line.Write("you disagreed with your team. Take your time.");
        Assert.Equal(["Thanks for walking me through it.", "Now tell me about a time you disagreed with your team."], tts.Asked);

        tts.Release("Now tell me about a time you disagreed with your team.");
        tts.Release("Thanks for walking me through it.");
        tts.Release("Take your time.");
        var audio = await line.FinishAsync("Thanks for walking me through it. Now tell me about a time you disagreed with your team. " +
            "Take your time.");

        Assert.Equal([0, 1, 2], events.Spoken.Select(a => a.Index));
        Assert.Equal("Thanks for walking me through it.", events.Spoken[0].Text);
        Assert.Equal(3, tts.Asked.Count);
        Assert.NotNull(audio);
    }

    [Fact]
    public async Task A_restart_drops_what_was_said_and_the_final_text_is_what_is_spoken()
    {
        var tts = new GatedVoice();
        var events = new Events();
        var line = Line(tts, events);
        line.Write("Let us dance instead of talking about work. ");

        var finishing = line.FinishAsync("Thanks. Tell me about a hard bug you fixed."); // restarts: the first reply was replaced
        tts.Release("Let us dance instead of talking about work.");
        tts.Release("Thanks. Tell me about a hard bug you fixed.");
        var audio = await finishing;

        Assert.Contains(events.Text, t => t.Reset && t.Delta == "Thanks. Tell me about a hard bug you fixed.");
        Assert.DoesNotContain(events.Spoken, a => a.Text.Contains("dance", StringComparison.Ordinal));
        Assert.NotNull(audio);
    }

    [Fact]
    public async Task The_first_piece_may_end_at_a_clause_so_the_candidate_hears_the_interviewer_sooner()
    {
        var tts = new GatedVoice(releaseAll: true);
        var line = Line(tts, new Events());

        line.Write("Thanks, that helps me see how you work, and it was clear. What would you change?");

        Assert.Equal("Thanks, that helps me see how you work,", tts.Asked[0]);
        await line.FinishAsync("Thanks, that helps me see how you work, and it was clear. What would you change?");
    }

    [Fact]
    public async Task Complete_speaks_the_last_sentence_before_the_brain_has_finished()
    {
        var tts = new GatedVoice(releaseAll: true);
        var events = new Events();
        var line = Line(tts, events);
        line.Write("What would you measure first if it came back tomorrow?");
        Assert.Empty(tts.Asked); // no sentence end yet: the line might go on

        line.Complete();

        Assert.Equal(["What would you measure first if it came back tomorrow?"], tts.Asked);
        await line.FinishAsync("What would you measure first if it came back tomorrow?");
        Assert.Single(tts.Asked); // not spoken twice
        Assert.Equal([0], events.Spoken.Select(a => a.Index));
    }

    [Fact]
    public async Task A_restart_after_complete_withdraws_the_early_sentence()
    {
        var tts = new GatedVoice();
        var events = new Events();
        var line = Line(tts, events);
        line.Write("What would you measure first if it came back tomorrow?");
        line.Complete();

        line.Restart();
        tts.Release("What would you measure first if it came back tomorrow?");
        line.Write("Thanks. Tell me about a hard bug you fixed.");
        line.Complete();
        tts.Release("Thanks. Tell me about a hard bug you fixed.");
        await line.FinishAsync("Thanks. Tell me about a hard bug you fixed.");

        Assert.Equal(["Thanks. Tell me about a hard bug you fixed."], events.Spoken.Select(a => a.Text));
        Assert.Contains(events.Text, t => t.Reset);
    }

    internal static SpokenLine Line(GatedVoice tts, Events events) =>
        new(new LineVoice(tts, new InMemoryAudioStore()), Hints, "iv-1", FixedLines.None, events, new TurnClock("iv-1"),
            NullLogger.Instance, CancellationToken.None);
}
