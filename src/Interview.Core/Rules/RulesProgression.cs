using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Plans;

namespace Interview.Core.Rules;

/// <summary>
/// How the rules interviewer moves on: to the next unasked question of the phase, the next phase (with its transition),
/// closing when only its questions fit in the budget, and the end when the budget is spent or the plan is done.
/// </summary>
internal static class RulesProgression
{
    /// <summary>
    /// Moves the interview on: the end when the budget is spent, closing when only its questions fit in the budget,
    /// else <paramref name="probe"/> if there is one, else the next question. <paramref name="lead"/> replaces the usual
    /// acknowledgement when there was nothing to thank for.
    /// </summary>
    internal static BrainReply Advance(InterviewPlan plan, SessionState state, BrainReply? probe, string? lead, string? reason)
    {
        var progress = state.Progress;
        if (state.QuestionsAsked >= plan.MaxQuestions)
        {
            return Conclude(plan, state, $"Overall budget of {plan.MaxQuestions} questions reached");
        }

        // Keep the last phase's questions in the budget, so a long interview still ends with closing.
        var last = plan.Phases[^1];
        if (state.CurrentPhase != last.Name && plan.MaxQuestions - state.QuestionsAsked <= last.MaxQuestions
            && Unasked(last, progress.AskedQuestionIds) is { } closing)
        {
            return new BrainReply(
                new AgentAction(ActionType.NewQuestion, $"Question budget nearly spent: moving to {last.Name}", last.Name),
                $"{Lead(last, state)} {closing.Text}", closing.Text, closing.Id);
        }

        return probe ?? NextQuestion(plan, state, lead, reason);
    }

    internal static BrainReply NextQuestion(InterviewPlan plan, SessionState state, string? lead, string? reason)
    {
        var asked = state.Progress.AskedQuestionIds;
        var phase = plan.Phase(state.CurrentPhase);
        if (state.Progress.PhaseQuestions < phase.MaxQuestions && Unasked(phase, asked) is { } sameq)
        {
            var why = reason ?? $"Next {phase.Name} question ({state.Progress.PhaseQuestions + 1} of {phase.MaxQuestions})";
            return new BrainReply(new AgentAction(ActionType.NewQuestion, why, null), $"{lead ?? Phrasing.Acknowledge(state)} {sameq.Text}",
                sameq.Text, sameq.Id);
        }

        for (var next = plan.PhaseAfter(phase.Name); next is not null; next = plan.PhaseAfter(next.Name))
        {
            if (Unasked(next, asked) is { } q)
            {
                return new BrainReply(
                    new AgentAction(ActionType.NewQuestion, reason ?? $"The {phase.Name} phase is done: moving to {next.Name}", next.Name),
                    $"{Lead(next, state)} {q.Text}", q.Text, q.Id);
            }
        }

        return Conclude(plan, state, $"The plan is complete after the {phase.Name} phase");
    }

    internal static string Lead(InterviewPhase entering, SessionState state) =>
        string.IsNullOrWhiteSpace(entering.Transition) ? Phrasing.Acknowledge(state) : entering.Transition;

    internal static PlanQuestion? Unasked(InterviewPhase phase, IReadOnlyList<string> asked) =>
        phase.Questions.FirstOrDefault(q => !asked.Contains(q.Id));

    internal static BrainReply Conclude(InterviewPlan plan, SessionState state, string reason)
    {
        return new BrainReply(new AgentAction(ActionType.Conclude, reason, null), Phrasing.Farewell(plan, state.CandidateName));
    }
}
