using Interview.Core.Rules;
using Interview.Core.Utterances;

namespace Interview.Core.Tests.Rules;

public sealed class AnswerAnalysisTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("I don't know", 3)]
    [InlineData("We cut p99 latency by 40%.", 6)]
    [InlineData("state-of-the-art event-driven design", 3)]
    [InlineData("Well... it -- depends!", 3)]
    public void Counts_words(string answer, int words)
    {
        var analysis = AnswerAnalysis.Of(answer);

        Assert.Equal(words, analysis.Words);
        Assert.Equal(words == 0, analysis.IsEmpty);
    }

    [Theory]
    [InlineData("We had 3 services", true)]
    [InlineData("Latency dropped by 40%", true)]
    [InlineData("About twenty engineers", true)]
    [InlineData("It got twice as fast", true)]
    [InlineData("Hundreds of requests", true)]
    [InlineData("Someone else did it", false)]
    [InlineData("It was a lot faster", false)]
    public void Detects_numbers_as_digits_or_number_words(string answer, bool hasNumber) =>
        Assert.Equal(hasNumber, AnswerAnalysis.Of(answer).HasNumber);

    [Theory]
    [InlineData("For example, we sharded the table", true)]
    [InlineData("At my last job we used queues", true)]
    [InlineData("In my previous role it was Kafka", true)]
    [InlineData("I migrated the service to Postgres", true)]
    [InlineData("When we moved to the cloud", true)]
    [InlineData("I think queues are a good idea", false)]
    [InlineData("Whenever it makes sense", false)]
    public void Detects_example_markers(string answer, bool hasExample) =>
        Assert.Equal(hasExample, AnswerAnalysis.Of(answer).HasExample);

    [Fact]
    public void Answer_with_neither_example_nor_number_is_vague()
    {
        Assert.True(AnswerAnalysis.Of("I like clean code").IsVague);
        Assert.False(AnswerAnalysis.Of("I like 2 things").IsVague);
        Assert.False(AnswerAnalysis.Of("I built a parser").IsVague);
    }

    [Theory]
    [InlineData("Could you repeat that?", true)]
    [InlineData("Sorry, I didn’t catch that", true)]
    [InlineData("Pardon?", true)]
    [InlineData("What was the question again?", true)]
    // Twelve words is still a request; thirteen is an answer.
    [InlineData("Could you say that again please, I lost the last bit there", true)]
    [InlineData("Could you say that again please, I lost the last bit there, sorry", false)]
    [InlineData("I think so", false)]
    [InlineData("I would repeat the load test every night and compare the numbers before we shipped anything", false)]
    public void Repeat_request_is_recognised_only_in_a_brief_answer(string answer, bool asksToRepeat) =>
        Assert.Equal(asksToRepeat, AnswerAnalysis.Of(answer).AsksToRepeat);

    [Theory]
    [InlineData("Let me think", true)]
    [InlineData("Give me a moment please", true)]
    [InlineData("Hmm, just a second", true)]
    [InlineData("Sure, let me think about that for a second", true)]
    [InlineData("Let me think back to when we migrated the billing system to queues and sharded the database", false)]
    [InlineData("Sure, here it is", false)]
    public void Time_request_is_recognised_only_in_a_brief_answer(string answer, bool asksForTime) =>
        Assert.Equal(asksForTime, AnswerAnalysis.Of(answer).AsksForTime);

    [Theory]
    [InlineData("I don't know", true)]
    [InlineData("I don’t know", true)]
    [InlineData("Honestly, not sure", true)]
    [InlineData("No idea", true)]
    [InlineData("I've never done that", true)]
    [InlineData("I never worked with Kafka", true)]
    [InlineData("I know this area well", false)]
    public void Detects_uncertainty(string answer, bool isUnsure) =>
        Assert.Equal(isUnsure, AnswerAnalysis.Of(answer).IsUnsure);
}
