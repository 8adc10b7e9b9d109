using Interview.Core.Domain;
using Interview.Core.Plans;

namespace Interview.Core.Agent;

/// <summary>
/// Decides and words the interviewer's next line in one call. It sees the plan and the state and returns a reply;
/// the agent, not the brain, applies that reply to the state, so every brain keeps the same book-keeping.
/// </summary>
public interface IInterviewerBrain
{
    Task<BrainReply> OpenAsync(InterviewPlan plan, SessionState state, CancellationToken cancellationToken);

    Task<BrainReply> DecideAsync(InterviewPlan plan, SessionState state, string answer, CancellationToken cancellationToken);

    /// <summary>
    /// What this brain says alike to every candidate of <paramref name="plan"/>, besides the plan's own text: its set
    /// phrases and templates with nothing of the candidate in them. Their audio is shared between interviews; none by default.
    /// </summary>
    IEnumerable<string> FixedWording(InterviewPlan plan) => [];
}

/// <summary>
/// <paramref name="Question"/> is the bare question now on the table (what "could you repeat that?" re-asks);
/// <paramref name="QuestionId"/> names a bank question so it is never asked twice.
/// <paramref name="Usage"/> accounts for the model calls behind this reply, fallbacks included.
/// <paramref name="CandidateQuestions"/> are the candidate's own questions this reply answered or passed on.
/// </summary>
public sealed record BrainReply(
    AgentAction Action,
    string Text,
    string? Question = null,
    string? QuestionId = null,
    IReadOnlyList<string>? NewTopics = null,
    IReadOnlyList<string>? NewInsights = null,
    ModelUsage? Usage = null,
    IReadOnlyList<QuestionAnswered>? CandidateQuestions = null);
