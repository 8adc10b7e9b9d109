using Interview.Core.Agent;
using Interview.Core.Llm;

namespace Interview.Core.Tests.Streaming;

/// <summary>The interviewer's words read out of a structured reply while it streams, however it is chunked.</summary>
public sealed class ReplyTextStreamTests
{
    private const string Reply = """{"action_type":"ask_followup","text":"Thanks, \"caching\" helped.""" +
        """\nWhat did you measure? Caf\u00e9 {or} [not].","reasoning":"text: not this","next_phase":null""" +
        ""","topics_covered":["text"]}""";

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(500)]
    public void Only_the_text_field_is_written_unescaped_whatever_the_chunk_size(int chunk)
    {
        var words = new Recorder();
        var stream = new ReplyTextStream(words);

        for (var i = 0; i < Reply.Length; i += chunk)
        {
            stream.Append(Reply.Substring(i, Math.Min(chunk, Reply.Length - i)));
        }

        Assert.Equal("Thanks, \"caching\" helped.\nWhat did you measure? Café {or} [not].", words.Text);
    }

    [Fact]
    public void Restart_starts_the_words_over_for_the_next_reply()
    {
        var words = new Recorder();
        var stream = new ReplyTextStream(words);
        stream.Append("""{"action_type":"new_question","text":"First try""");

        stream.Restart();
        stream.Append("""{"action_type":"new_question","text":"Second try"}""");

        Assert.Equal(1, words.Restarts);
        Assert.Equal("Second try", words.Text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(500)]
    public void The_words_are_complete_when_the_text_closes_and_its_head_is_accepted(int chunk)
    {
        const string head = """{"action_type":"new_question","next_phase":null,"question_id":null,"candidate_question":""" +
            """null,"text":"Why \"that\"?""" + "\"";
        const string reply = head + ""","reasoning":"x","topics_covered":[],"insights":["text"]}""";
        var words = new Recorder();
        var judged = new List<string>();
        var stream = new ReplyTextStream(words, h => { judged.Add(h); return true; });

        for (var i = 0; i < reply.Length; i += chunk)
        {
            stream.Append(reply.Substring(i, Math.Min(chunk, reply.Length - i)));
            Assert.Equal(i + chunk >= head.Length, words.Completed is not null);
        }

        Assert.Equal([head], judged);
        Assert.Equal("Why \"that\"?", words.Completed);
    }

    [Fact]
    public void A_refused_head_leaves_the_words_to_the_end_of_the_reply()
    {
        var words = new Recorder();
        var stream = new ReplyTextStream(words, _ => false);

        stream.Append("""{"action_type":"dance","next_phase":null,"question_id":null,"candidate_question":""" +
            """null,"text":"Let us dance.","reasoning":""}""");

        Assert.Null(words.Completed);
        Assert.Equal("Let us dance.", words.Text);
    }

    private sealed class Recorder : IReplyText
    {
        public string Text { get; private set; } = "";

        public int Restarts { get; private set; }

        /// <summary>The words as they were when <see cref="Complete"/> was called.</summary>
        public string? Completed { get; private set; }

        public void Write(string delta) => Text += delta;

        public void Complete() => Completed = Text;

        public void Restart() => (Text, Restarts, Completed) = ("", Restarts + 1, null);
    }
}
