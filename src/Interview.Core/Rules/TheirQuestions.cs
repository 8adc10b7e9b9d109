using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Plans;

namespace Interview.Core.Rules;

/// <summary>The candidate's own questions: answered from the plan's facts or passed on, then the interview goes on.</summary>
internal static class TheirQuestions
{
    /// <summary>
    /// The candidate asked and did not answer: answer them, then put the open question back. In the last phase (whose
    /// question invites theirs) invite another; after <see cref="RulesBrain.MaxCandidateQuestionsInARow"/> the interview carries on.
    /// </summary>
    public static BrainReply Answer(InterviewPlan plan, SessionState state, IReadOnlyList<string> questions)
    {
        var lastPhase = state.CurrentPhase == plan.Phases[^1].Name;
        var more = state.Progress.CandidateQuestionsInARow + 1 < RulesBrain.MaxCandidateQuestionsInARow;
        var reply = (more, lastPhase) switch
        {
            (true, true) => RulesBrain.Clarify(Phrasing.AnythingElse, "Answered the candidate's question; inviting more"),
            (true, false) => RulesBrain.Clarify($"{Phrasing.BackToQuestion} {state.Progress.CurrentQuestion}",
                "Answered the candidate's question; back to the open one"),
            _ => RulesProgression.Advance(plan, state, null, lastPhase ? null : Phrasing.CarryOn,
                $"{RulesBrain.MaxCandidateQuestionsInARow} candidate questions in a row answered: carrying on"),
        };
        return WithAnswers(plan, reply, questions);
    }

    /// <summary>Puts the answers to the candidate's questions (facts, or "I'll pass it on") in front of the reply, and records
    /// them.</summary>
    public static BrainReply WithAnswers(InterviewPlan plan, BrainReply reply, IReadOnlyList<string> questions)
    {
        var facts = questions.Select(q => (Question: q, Fact: JobFacts.Answer(plan.About, q))).ToList();
        var said = facts.Where(f => f.Fact is not null).Select(f => f.Fact!).Distinct().ToList();
        if (facts.Any(f => f.Fact is null))
        {
            said.Add(Phrasing.PassOn);
        }

        var answered = facts.Select(f
            => new QuestionAnswered(f.Question, f.Fact is null ? QuestionOutcome.PassedOn : QuestionOutcome.Answered)).ToList();
        return reply with { Text = $"{string.Join(' ', said)} {reply.Text}", CandidateQuestions = answered };
    }
}
