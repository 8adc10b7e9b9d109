using Interview.Core.Agent;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Streaming;

/// <summary>The acknowledgement said the moment an answer ends: heard first, kept through a reset, part of the line.</summary>
public sealed class AcknowledgementTests
{
    [Fact]
    public async Task The_lead_is_spoken_before_the_brain_writes_and_begins_the_line_as_said()
    {
        var tts = new GatedVoice(releaseAll: true);
        var events = new Events();
        var line = SpokenLineTests.Line(tts, events);

        line.Lead("Okay.");
        Assert.Equal(["Okay."], tts.Asked); // asked for before a word of the reply exists

        line.Write("Tell me about a hard bug you fixed.");
        var audio = await line.FinishAsync("Tell me about a hard bug you fixed.");

        Assert.Equal("Okay. Tell me about a hard bug you fixed.", line.AsSaid("Tell me about a hard bug you fixed."));
        Assert.Equal("Okay.", events.Spoken[0].Text);
        Assert.Equal(0, events.Spoken[0].Index);
        Assert.Equal("Okay. ", events.Text[0].Delta);
        Assert.NotNull(audio);
    }

    [Fact]
    public async Task A_reset_keeps_the_lead_that_was_heard_and_shows_it_again_with_the_new_words()
    {
        var tts = new GatedVoice();
        var events = new Events();
        var line = SpokenLineTests.Line(tts, events);
        line.Lead("I see.");
        line.Write("Let us dance instead of talking about work. ");

        var finishing = line.FinishAsync("Tell me about a hard bug you fixed."); // the first reply was replaced
        tts.Release("I see.");
        tts.Release("Let us dance instead of talking about work.");
        tts.Release("Tell me about a hard bug you fixed.");
        await finishing;

        Assert.Contains(events.Text, t => t.Reset && t.Delta == "I see. Tell me about a hard bug you fixed.");
        Assert.Equal(["I see.", "Tell me about a hard bug you fixed."], events.Spoken.Select(a => a.Text));
        Assert.DoesNotContain(events.Spoken, a => a.Text.Contains("dance", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", 1, null)]
    [InlineData("um ok", 1, null)]
    [InlineData("I led the migration to a new database", 0, "Okay.")]
    [InlineData("I led the migration to a new database", 1, "I see.")]
    [InlineData("I led the migration to a new database", 6, "Alright.")]
    public void An_answer_of_a_few_words_gets_the_phrase_whose_turn_it_is(string answer, int turns, string? expected) =>
        Assert.Equal(expected, Acknowledgement.For(answer, turns));
}
