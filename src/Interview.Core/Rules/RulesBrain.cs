using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Plans;
using Interview.Core.Utterances;

namespace Interview.Core.Rules;

/// <summary>
/// The offline interviewer: deterministic, no network. It first decides what the candidate's turn is
/// (<see cref="CandidateUtterance"/>): silence, "could you repeat that?" and a pause ("let me think") are met without
/// advancing and are never taken for the answer; the candidate's own questions are answered from the plan's facts or
/// passed on, then the open question comes back; after two minimal answers in a row it checks in once, then moves on.
/// An answer is probed once when something is missing (an example, the result, the candidate's own part), and
/// otherwise the interview moves on: to the next unasked bank question, the next phase, or to closing and the end
/// when the question budget is spent.
/// </summary>
public sealed class RulesBrain : IInterviewerBrain
{
    /// <summary>After this many clarifications in a row the interview moves on instead of looping.</summary>
    public const int MaxClarificationsInARow = 2;

    /// <summary>Candidate questions answered in a row before the interview carries on anyway.</summary>
    public const int MaxCandidateQuestionsInARow = 3;

    /// <summary>Minimal answers in a row ("ok", "no", "idk") after which the interviewer checks in.</summary>
    public const int MinimalAnswersBeforeCheckIn = 2;

    public Task<BrainReply> OpenAsync(InterviewPlan plan, SessionState state, CancellationToken cancellationToken)
    {
        var first = plan.Phases[0].Questions[0];
        var text = Phrasing.Greeting(plan, state.Role, state.CandidateName);
        var action = new AgentAction(ActionType.NewQuestion, "Opening greeting and first question", plan.Phases[0].Name);
        return Task.FromResult(new BrainReply(action, text, first.Text, first.Id));
    }

    public IEnumerable<string> FixedWording(InterviewPlan plan) => Phrasing.Fixed(plan);

    public Task<BrainReply> DecideAsync(InterviewPlan plan, SessionState state, string answer, CancellationToken cancellationToken)
    {
        var utterance = CandidateUtterance.Of(answer);
        var analysis = AnswerAnalysis.Of(answer);
        var reply = Decide(plan, state, utterance, analysis, answer);
        if (!utterance.IsAnswer)
        {
            return Task.FromResult(reply);
        }

        var (topics, insights) = TopicDetector.Detect(plan, answer, analysis, state.TopicsCovered);
        return Task.FromResult(reply with { NewTopics = topics, NewInsights = insights });
    }

    private static BrainReply Decide(InterviewPlan plan, SessionState state, CandidateUtterance utterance,
        AnswerAnalysis analysis, string answer)
    {
        var progress = state.Progress;
        var canClarify = progress.ClarificationsInARow < MaxClarificationsInARow;
        return utterance.Kind switch
        {
            UtteranceKind.Empty when canClarify =>
                Clarify($"{Phrasing.NotCaught} {progress.CurrentQuestion}", "Empty answer: asking again"),
            UtteranceKind.ClarificationRequest when canClarify =>
                Clarify($"{Phrasing.OfCourse} {progress.CurrentQuestion}", "Candidate asked for the question again"),
            UtteranceKind.Pause when canClarify =>
                Clarify(Phrasing.TakeYourTime, "Candidate is thinking: waiting for the answer"),
            UtteranceKind.InstructionToEvaluator when canClarify =>
                Clarify($"{Phrasing.KeepToQuestions} {progress.CurrentQuestion}", "Turn addressed the evaluator: back to the question"),
            UtteranceKind.Empty or UtteranceKind.ClarificationRequest or UtteranceKind.Pause or UtteranceKind.InstructionToEvaluator =>
                RulesProgression.Advance(plan, state, null, Phrasing.MoveOnForNow,
                    $"Still no answer after {MaxClarificationsInARow} tries: moving on"),
            UtteranceKind.CandidateQuestion => TheirQuestions.Answer(plan, state, utterance.Questions),
            UtteranceKind.MinimalAnswer => Minimal(plan, state, analysis),
            _ => Answered(plan, state, utterance, analysis, answer),
        };
    }

    /// <summary>
    /// A real answer: probed once if something is missing, else the interview moves on; questions in it are answered too.
    /// </summary>
    private static BrainReply Answered(InterviewPlan plan, SessionState state, CandidateUtterance utterance,
        AnswerAnalysis analysis, string answer)
    {
        var theirs = utterance.Questions.Where(JobFacts.IsAbout).ToList();
        // "Would you like a moment, or shall we move on?" - "Let's move on." is consent, not an answer to probe.
        var checkedIn = state.ConversationHistory.LastOrDefault(t => t.Role == Roles.Interviewer)?.Content.Contains(Phrasing.CheckIn)
            == true;
        var reply = checkedIn && analysis.Words < plan.MinAnswerWords
            ? RulesProgression.Advance(plan, state, null, Phrasing.SureMoveOn, "Candidate chose to move on after the check-in")
            : RulesProgression.Advance(plan, state, Followup(plan, state, analysis, answer), null, null);
        return theirs.Count == 0 ? reply : TheirQuestions.WithAnswers(plan, reply, theirs);
    }

    /// <summary>One follow-up on the first minimal answer; a check-in on the second; after that, straight on.</summary>
    private static BrainReply Minimal(InterviewPlan plan, SessionState state, AnswerAnalysis analysis)
    {
        var (streak, checkedIn) = MinimalStreak(state);
        var lastPhase = state.CurrentPhase == plan.Phases[^1].Name;
        if (streak >= MinimalAnswersBeforeCheckIn && !checkedIn && !lastPhase && state.QuestionsAsked < plan.MaxQuestions)
        {
            return Clarify(Phrasing.CheckIn, $"{streak} minimal answers in a row: checking in");
        }

        if (streak >= MinimalAnswersBeforeCheckIn)
        {
            return RulesProgression.Advance(plan, state, null, lastPhase ? null : Phrasing.MoveOn,
                $"{streak} minimal answers in a row: moving on without probing");
        }

        var prompt = analysis.IsUnsure ? Phrasing.UnsureFollowup(state) : Phrasing.ExampleFollowup(state);
        var probe = CanFollowUp(plan, state) && prompt is not null
            ? FollowupReply(prompt, analysis.IsUnsure ? "Candidate was unsure: invite them to reason it through"
                : "Minimal answer: ask for one specific example")
            : null;
        return RulesProgression.Advance(plan, state, probe, null, null);
    }

    /// <summary>
    /// What a follow-up would ask for, or null when none helps (or every wording of it was said already): an answer with a concrete example
    /// of the candidate's own and a measured result, in enough words, needs nothing more. A question with no competency (background,
    /// closing) is only probed when brief.
    /// </summary>
    private static BrainReply? Followup(InterviewPlan plan, SessionState state, AnswerAnalysis answer, string text)
    {
        if (!CanFollowUp(plan, state))
        {
            return null;
        }

        var story = AnswerStory.Of(text);
        var enough = answer.Words >= plan.MinAnswerWords;
        var wantsStory = CurrentBankQuestion(plan, state)?.Competency is not null;
        var (prompt, reason) = answer switch
        {
            { IsUnsure: true, Words: < 40 } => (Phrasing.UnsureFollowup(state), "Candidate was unsure: invite them to reason it through"),
            _ when story.Concrete && story.Personal && story.Measured && enough => (null, ""),
            _ when !wantsStory => enough ? (null, "")
                : (Phrasing.DetailFollowup(state), $"Answer was brief ({answer.Words} words): ask what they did"),
            _ when !story.Concrete => (Phrasing.ExampleFollowup(state), "No concrete situation and action: ask for one example"),
            _ when !story.Personal => (Phrasing.OwnPartFollowup(state), "Only what the team did: ask for the candidate's own part"),
            _ when !story.Measured => (Phrasing.ResultFollowup(state), "No measurable result: ask how it turned out"),
            _ => (Phrasing.StepsFollowup(state), $"Concrete and measured but brief ({answer.Words} words): ask for the steps"),
        };
        return prompt is null ? null : FollowupReply(prompt, reason);
    }

    private static bool CanFollowUp(InterviewPlan plan, SessionState state) =>
        plan.Phase(state.CurrentPhase).AllowFollowups && state.Progress.FollowupsInARow < plan.MaxFollowupsPerQuestion;

    private static BrainReply FollowupReply(string text, string reason) => new(new AgentAction(ActionType.AskFollowup, reason, null), text);

    private static PlanQuestion? CurrentBankQuestion(InterviewPlan plan, SessionState state) =>
        state.Progress.AskedQuestionIds.LastOrDefault() is { } id
            ? plan.Phases.SelectMany(p => p.Questions).FirstOrDefault(q => q.Id == id) : null;

    /// <summary>Minimal answers in a row, this one included, and whether the interviewer checked in during them.</summary>
    private static (int Streak, bool CheckedIn) MinimalStreak(SessionState state)
    {
        var (streak, checkedIn) = (0, false);
        for (var i = state.ConversationHistory.Count - 1; i >= 0; i--)
        {
            var turn = state.ConversationHistory[i];
            if (turn.Role == Roles.Interviewer)
            {
                checkedIn |= turn.Content.Contains(Phrasing.CheckIn);
            }
            else if (CandidateUtterance.Classify(turn.Content) == UtteranceKind.MinimalAnswer)
            {
                streak++;
            }
            else
            {
                break;
            }
        }

        return (streak, checkedIn);
    }

    internal static BrainReply Clarify(string text, string reason) =>
        new(new AgentAction(ActionType.Clarify, reason, null), text.Trim());
}
