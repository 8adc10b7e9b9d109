using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Llm;
using Interview.Core.Sessions;
using Interview.Core.Tests.Llm;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Sessions;

/// <summary>Barge-in in the domain: which line is marked, what is refused, and what the models are told was heard.</summary>
public sealed class InterruptionTests
{
    private const string Line = "Could you go into more detail there?";
    private static readonly SessionState AwaitingAnswer = PromptStates.Blank() with
    {
        ConversationHistory =
        [
            PromptStates.Turn(Roles.Interviewer, "Tell me about a system you designed."),
            PromptStates.Turn(Roles.Candidate, "Billing."),
            PromptStates.Turn(Roles.Interviewer, Line),
        ],
    };

    [Fact]
    public void Mark_sets_the_interruption_on_the_last_interviewer_line_only()
    {
        var marked = Interruptions.Mark(AwaitingAnswer, new Interruption(1200, 9));

        Assert.Equal(new Interruption(1200, 9), marked.ConversationHistory[^1].InterruptedAt);
        Assert.All(marked.ConversationHistory.SkipLast(1), t => Assert.Null(t.InterruptedAt));
        Assert.Same(AwaitingAnswer, Interruptions.Mark(AwaitingAnswer, null));
    }

    [Fact]
    public void Refused_when_more_characters_were_heard_than_the_line_has_or_there_is_no_line()
    {
        Assert.Null(Interruptions.Refusal(AwaitingAnswer, new Interruption(0, Line.Length)));
        Assert.NotNull(Interruptions.Refusal(AwaitingAnswer, new Interruption(0, Line.Length + 1)));
        Assert.NotNull(Interruptions.Refusal(PromptStates.Blank(), new Interruption(10)));
    }

    [Fact]
    public void Both_prompts_say_what_the_candidate_heard()
    {
        var turn = PromptStates.Turn(Roles.Interviewer, Line) with { InterruptedAt = new Interruption(800, 9) };

        Assert.Equal($"{Line} [the candidate interrupted this line 800 ms in and heard only: \"Could you\"]",
            InterviewPrompt.Utterance(turn));
        var transcript = new[] { turn, PromptStates.Turn(Roles.Candidate, "Sure.") };
        var evaluation = EvaluationPrompt.For(TestPlans.Default.Competencies[0], transcript).User;
        Assert.Contains("[turn 0] interviewer: " + InterviewPrompt.Utterance(turn), evaluation, StringComparison.Ordinal);
        var timeOnly = turn with { InterruptedAt = new Interruption(800) };
        Assert.EndsWith("did not hear the rest]", InterviewPrompt.Utterance(timeOnly), StringComparison.Ordinal);
    }
}
