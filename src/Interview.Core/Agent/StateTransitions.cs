using Interview.Core.Domain;
using Interview.Core.Plans;

namespace Interview.Core.Agent;

/// <summary>
/// How a brain's reply moves the interview on. Kept apart from any brain so that the rules brain and a model
/// share one book-keeping, and a reply that names a phase the plan lacks cannot corrupt the state.
/// </summary>
public static class StateTransitions
{
    public const int MaxInsights = 30;

    /// <summary>An insight longer than this is kept cut short (the rules brain quotes the candidate's words in one).</summary>
    public const int MaxInsightChars = 200;

    /// <summary>The candidate's answer joins the history before the brain decides on it.</summary>
    public static SessionState Hear(SessionState state, ConversationTurn answer) =>
        state with { ConversationHistory = [.. state.ConversationHistory, answer] };

    /// <summary>The brain's reply moves the interview on, and the interviewer's line (with its audio) joins the history.</summary>
    /// <param name="spoken">The line as said, when more than the reply's text was (an <see cref="Acknowledgement"/> first).</param>
    public static SessionState Apply(
        InterviewPlan plan, SessionState state, BrainReply reply, string? replyAudio, DateTime now, string? spoken = null)
    {
        var progress = state.Progress;
        var phase = state.CurrentPhase;
        var questionsAsked = state.QuestionsAsked;
        var status = state.Status;

        switch (reply.Action.ActionType)
        {
            case ActionType.NewQuestion:
                var entersPhase = reply.Action.NextPhase is { } target && target != phase && plan.HasPhase(target);
                phase = entersPhase ? reply.Action.NextPhase! : phase;
                questionsAsked++;
                progress = progress with
                {
                    AskedQuestionIds = reply.QuestionId is null ? progress.AskedQuestionIds
                        : [.. progress.AskedQuestionIds, reply.QuestionId],
                    PhaseQuestions = entersPhase ? 1 : progress.PhaseQuestions + 1,
                    FollowupsInARow = 0,
                    ClarificationsInARow = 0,
                    CurrentQuestion = reply.Question ?? reply.Text,
                    CandidateQuestionsInARow = 0,
                };
                break;
            case ActionType.AskFollowup:
                // A follow-up probes the question on the table; "repeat that" still means the main question.
                questionsAsked++;
                progress = progress with
                {
                    FollowupsInARow = progress.FollowupsInARow + 1,
                    ClarificationsInARow = 0,
                    CurrentQuestion = reply.Question ?? progress.CurrentQuestion,
                    CandidateQuestionsInARow = 0,
                };
                break;
            case ActionType.Clarify when reply.CandidateQuestions is { Count: > 0 }:
                // Answering the candidate's question is not the interviewer failing to get an answer.
                progress = progress with { CandidateQuestionsInARow = progress.CandidateQuestionsInARow + 1 };
                break;
            case ActionType.Clarify:
                progress = progress with { ClarificationsInARow = progress.ClarificationsInARow + 1 };
                break;
            case ActionType.Conclude:
                status = SessionStatus.Concluded;
                break;
        }

        var line = new ConversationTurn(Roles.Interviewer, spoken ?? reply.Text, replyAudio, now, phase, reply.Action.ActionType);
        return state with
        {
            ConversationHistory = [.. state.ConversationHistory, line],
            CurrentPhase = phase,
            QuestionsAsked = questionsAsked,
            Status = status,
            Progress = progress,
            TopicsCovered = Merge(state.TopicsCovered, reply.NewTopics, PlanLimits.MaxCompetencies),
            Insights = Merge(state.Insights, reply.NewInsights?.Select(i => Cut(i, MaxInsightChars)).ToList(), MaxInsights),
            LastUpdated = now,
            Usage = reply.Usage is { } usage ? state.Usage.Add(usage) : state.Usage,
            CandidateQuestions = Record(state, reply, now),
        };
    }

    /// <summary>The candidate's questions this reply dealt with join the list, with the reply that answered them.</summary>
    private static IReadOnlyList<CandidateQuestion> Record(SessionState state, BrainReply reply, DateTime now)
    {
        if (reply.CandidateQuestions is not { Count: > 0 } asked)
        {
            return state.CandidateQuestions;
        }

        var added = asked
            .Where(q => !string.IsNullOrWhiteSpace(q.Question))
            .Select(q => new CandidateQuestion(
                Cut(q.Question.Trim(), CandidateQuestion.MaxChars),
                Cut(reply.Text, CandidateQuestion.MaxReplyChars),
                q.Outcome,
                state.CurrentPhase,
                now));
        return [.. state.CandidateQuestions, .. added.Take(CandidateQuestion.MaxKept - state.CandidateQuestions.Count)];
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    private static IReadOnlyList<string> Merge(IReadOnlyList<string> existing, IReadOnlyList<string>? added, int cap)
    {
        if (added is null || added.Count == 0)
        {
            return existing;
        }

        var merged = existing.ToList();
        foreach (var item in added)
        {
            if (merged.Count < cap && !string.IsNullOrWhiteSpace(item) && !merged.Contains(item, StringComparer.OrdinalIgnoreCase))
            {
                merged.Add(item);
            }
        }

        return merged;
    }
}
