using Interview.Core.Domain;
using Interview.Core.Sessions;
using Interview.Functions.Storage;

namespace Interview.Functions.Sessions;

// The wire contract of the original guide, serialized snake_case. Audio references become short-lived URLs here.

public sealed record StartSessionRequest(string? CandidateName, string? Role, string? PlanId);

public sealed record SessionResponse(InterviewerResponse InterviewerResponse, SessionStateDto SessionState, int TurnNumber, TurnTimings Timings)
{
    /// <summary>Token mode only, on start: the bearer token for every later call on this interview.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? SessionToken { get; init; }
}

public sealed record InterviewerResponse(string Text, Uri? AudioUrl, AgentAction Action, bool ShouldContinue);

public sealed record ConversationTurnDto(string Role, string Content, Uri? AudioUrl, DateTime Timestamp, string Phase, ActionType? ActionType, double? Confidence);

public sealed record SessionStateDto(
    string InterviewId,
    string CurrentPhase,
    IReadOnlyList<ConversationTurnDto> ConversationHistory,
    IReadOnlyList<string> TopicsCovered,
    IReadOnlyList<string> Insights,
    int QuestionsAsked,
    DateTime StartedAt,
    DateTime LastUpdated,
    SessionStatus Status,
    string PlanId,
    string Role,
    string? CandidateName,
    int TurnNumber,
    ModelUsage ModelUsage,
    IReadOnlyList<CandidateQuestion> CandidateQuestions,
    int SilenceSeconds,
    int PlanVersion);

internal static class SessionDtoMapping
{
    public static async Task<SessionResponse> AsResponseAsync(this TurnOutcome outcome, IAudioLinks audio, CancellationToken ct) => new(
        new InterviewerResponse(outcome.Response.Text, await audio.ReadUrlAsync(outcome.Response.AudioRef, ct), outcome.Response.Action, outcome.Response.ShouldContinue),
        await outcome.State.AsDtoAsync(audio, ct),
        outcome.State.TurnNumber,
        outcome.Timings);

    public static async Task<SessionStateDto> AsDtoAsync(this SessionState s, IAudioLinks audio, CancellationToken ct)
    {
        var history = new List<ConversationTurnDto>(s.ConversationHistory.Count);
        foreach (var t in s.ConversationHistory)
        {
            history.Add(new ConversationTurnDto(t.Role, t.Content, await audio.ReadUrlAsync(t.AudioRef, ct), t.Timestamp, t.Phase, t.ActionType, t.Confidence));
        }

        return new SessionStateDto(s.InterviewId, s.CurrentPhase, history, s.TopicsCovered, s.Insights, s.QuestionsAsked, s.StartedAt, s.LastUpdated,
            s.Status, s.PlanId, s.Role, s.CandidateName, s.TurnNumber, s.Usage,
            s.CandidateQuestions, s.SilenceSeconds, s.PlanVersion);
    }
}
