using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Plans;

namespace Interview.Core.Rules;

/// <summary>
/// The offline interviewer: deterministic, no network. In order it clarifies (empty answer, "could you repeat",
/// "let me think"), concludes when the plan is done or the overall budget is spent, jumps to the last phase when only
/// its questions are left in the budget, follows up on a short, vague
/// or unsure answer, and otherwise asks the next unasked bank question, moving phase when a budget is spent.
/// </summary>
public sealed class RulesBrain : IInterviewerBrain
{
    /// <summary>After this many clarifications in a row the interview moves on instead of looping.</summary>
    public const int MaxClarificationsInARow = 2;

    public Task<BrainReply> OpenAsync(InterviewPlan plan, SessionState state, CancellationToken cancellationToken)
    {
        var first = plan.Phases[0].Questions[0];
        var name = state.CandidateName is { Length: > 0 } n ? $" {n}" : "";
        var phases = string.Join(", ", plan.Phases.Select(p => p.Name));
        var text = $"Hi{name}, thanks for joining me today. I'm your interviewer for the {state.Role} role. " +
                   $"We'll go through a few parts ({phases}), and you can ask me to repeat a question or take a moment at any time. " +
                   $"Let's start: {first.Text}";
        var action = new AgentAction(ActionType.NewQuestion, "Opening greeting and first question", plan.Phases[0].Name);
        return Task.FromResult(new BrainReply(action, text, first.Text, first.Id));
    }

    public Task<BrainReply> DecideAsync(InterviewPlan plan, SessionState state, string answer, CancellationToken cancellationToken)
    {
        var analysis = AnswerAnalysis.Of(answer);
        var (topics, insights) = TopicDetector.Detect(plan, answer, analysis, state.TopicsCovered);
        var reply = Decide(plan, state, analysis);
        return Task.FromResult(reply with { NewTopics = topics, NewInsights = insights });
    }

    private static BrainReply Decide(InterviewPlan plan, SessionState state, AnswerAnalysis answer)
    {
        var progress = state.Progress;
        var canClarify = progress.ClarificationsInARow < MaxClarificationsInARow;
        if (canClarify && answer.IsEmpty)
        {
            return Clarify($"Sorry, I didn't catch an answer there. {progress.CurrentQuestion}", "Empty answer: asking again");
        }

        if (canClarify && answer.AsksToRepeat)
        {
            return Clarify($"Of course. {progress.CurrentQuestion}", "Candidate asked for the question again");
        }

        if (canClarify && answer.AsksForTime)
        {
            return Clarify("Take your time, there's no rush. Whenever you're ready.", "Candidate asked for time to think");
        }

        var phase = plan.Phase(state.CurrentPhase);
        if (state.QuestionsAsked >= plan.MaxQuestions)
        {
            return Conclude(plan, state, $"Overall budget of {plan.MaxQuestions} questions reached");
        }

        // Keep the last phase's questions in the budget, so a long interview still ends with closing.
        var last = plan.Phases[^1];
        if (phase != last && plan.MaxQuestions - state.QuestionsAsked <= last.MaxQuestions && Unasked(last, progress.AskedQuestionIds) is { } closing)
        {
            return new BrainReply(
                new AgentAction(ActionType.NewQuestion, $"Question budget nearly spent: moving to {last.Name}", last.Name),
                $"{Lead(last, state)} {closing.Text}", closing.Text, closing.Id);
        }

        if (phase.AllowFollowups && progress.FollowupsInARow < plan.MaxFollowupsPerQuestion
            && Followup(plan, state, answer) is { } followup)
        {
            return followup;
        }

        return NextQuestion(plan, state);
    }

    private static BrainReply? Followup(InterviewPlan plan, SessionState state, AnswerAnalysis answer)
    {
        var (text, reason) = answer switch
        {
            { IsUnsure: true, Words: < 40 } => (Phrasing.UnsureFollowup(state), "Candidate was unsure: invite them to reason it through"),
            { IsEmpty: true } => (Phrasing.ShortFollowup(state), "Still no answer after clarifying: prompt once more"),
            _ when answer.Words < plan.MinAnswerWords => (Phrasing.ShortFollowup(state), $"Answer was brief ({answer.Words} words): probe deeper"),
            { IsVague: true } => (Phrasing.ExampleFollowup(state), "Answer had no concrete example or numbers: ask for specifics"),
            _ => ((string?)null, ""),
        };
        return text is null ? null : new BrainReply(new AgentAction(ActionType.AskFollowup, reason, null), text);
    }

    private static BrainReply NextQuestion(InterviewPlan plan, SessionState state)
    {
        var asked = state.Progress.AskedQuestionIds;
        var phase = plan.Phase(state.CurrentPhase);
        var ack = Phrasing.Acknowledge(state);
        if (state.Progress.PhaseQuestions < phase.MaxQuestions && Unasked(phase, asked) is { } sameq)
        {
            return new BrainReply(
                new AgentAction(ActionType.NewQuestion, $"Next {phase.Name} question ({state.Progress.PhaseQuestions + 1} of {phase.MaxQuestions})", null),
                $"{ack} {sameq.Text}", sameq.Text, sameq.Id);
        }

        for (var next = plan.PhaseAfter(phase.Name); next is not null; next = plan.PhaseAfter(next.Name))
        {
            if (Unasked(next, asked) is { } q)
            {
                return new BrainReply(
                    new AgentAction(ActionType.NewQuestion, $"The {phase.Name} phase is done: moving to {next.Name}", next.Name),
                    $"{Lead(next, state)} {q.Text}", q.Text, q.Id);
            }
        }

        return Conclude(plan, state, $"The plan is complete after the {phase.Name} phase");
    }

    private static string Lead(InterviewPhase entering, SessionState state) =>
        string.IsNullOrWhiteSpace(entering.Transition) ? Phrasing.Acknowledge(state) : entering.Transition;

    private static PlanQuestion? Unasked(InterviewPhase phase, IReadOnlyList<string> asked) =>
        phase.Questions.FirstOrDefault(q => !asked.Contains(q.Id));

    private static BrainReply Clarify(string text, string reason) =>
        new(new AgentAction(ActionType.Clarify, reason, null), text.Trim());

    private static BrainReply Conclude(InterviewPlan plan, SessionState state, string reason)
    {
        var name = state.CandidateName is { Length: > 0 } n ? $", {n}" : "";
        return new BrainReply(new AgentAction(ActionType.Conclude, reason, null), $"Thank you{name}. {plan.ClosingRemark}");
    }
}
