using System.Text.Json.Serialization;

namespace Interview.Core.Domain;

/// <summary>
/// The whole interview, passed into the agent and returned anew after each turn; never mutated.
/// The first eight members are the guide's contract; the rest let any instance continue the interview.
/// </summary>
public sealed record SessionState(
    string InterviewId,
    string CurrentPhase,
    IReadOnlyList<ConversationTurn> ConversationHistory,
    IReadOnlyList<string> TopicsCovered,
    IReadOnlyList<string> Insights,
    int QuestionsAsked,
    DateTime StartedAt,
    DateTime LastUpdated,
    SessionStatus Status,
    string PlanId,
    string Role,
    string? CandidateName,
    InterviewProgress Progress)
{
    /// <summary>
    /// The evaluation version asked for: 0 while the interview runs, 1 once it ends or concludes, one more per rerun. Committed with the
    /// end, so an evaluation that was never scheduled (a crash right after) is still known to be due.
    /// </summary>
    public int EvaluationVersion { get; init; }

    /// <summary>The end of the interview asks for its first evaluation (a rerun already asked for more keeps its number).</summary>
    public SessionState WithFirstEvaluation() => this with { EvaluationVersion = Math.Max(1, EvaluationVersion) };

    /// <summary>
    /// The version of <see cref="PlanId"/> the interview started with (0: built in); editing the plan changes nothing here.
    /// </summary>
    public int PlanVersion { get; init; }

    /// <summary>The candidate's own questions and how each was dealt with, oldest first.</summary>
    public IReadOnlyList<CandidateQuestion> CandidateQuestions { get; init; } = [];

    /// <summary>The page's silence auto-stop, from the plan the interview started with (pinned like the plan).</summary>
    public int SilenceSeconds { get; init; } = DefaultSilenceSeconds;

    /// <summary>The silence that ends an answer when a plan says nothing else.</summary>
    public const int DefaultSilenceSeconds = 3;

    /// <summary>Model calls summed over the interview; all zero on the rules brain.</summary>
    public ModelUsage Usage { get; init; } = ModelUsage.None;

    /// <summary>Interviewer lines so far: the greeting is turn 1.</summary>
    [JsonIgnore]
    public int TurnNumber => ConversationHistory.Count(t => t.Role == Roles.Interviewer);


    [JsonIgnore]
    public ConversationTurn? LastInterviewerTurn => ConversationHistory.LastOrDefault(t => t.Role == Roles.Interviewer);
}

/// <summary>
/// Book-keeping the interviewer needs to continue from any instance: which bank questions were asked,
/// how many primary questions in this phase, how many follow-ups and clarifications in a row,
/// the question currently on the table (re-asked on "could you repeat that?"), and how many questions of their own
/// the candidate asked in a row.
/// </summary>
public sealed record InterviewProgress(
    IReadOnlyList<string> AskedQuestionIds,
    int PhaseQuestions,
    int FollowupsInARow,
    int ClarificationsInARow,
    string CurrentQuestion,
    int CandidateQuestionsInARow = 0)
{
    public static InterviewProgress Empty { get; } = new([], 0, 0, 0, "");
}
