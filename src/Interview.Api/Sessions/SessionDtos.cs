using Interview.Api.Storage;
using Interview.Core.Domain;
using Interview.Core.Sessions;

namespace Interview.Api.Sessions;

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
    ModelUsage ModelUsage);

internal static class SessionDtoMapping
{
    public static SessionResponse AsResponse(this TurnOutcome outcome, BlobAudioStore audio) => new(
        new InterviewerResponse(outcome.Response.Text, audio.ReadUrl(outcome.Response.AudioRef), outcome.Response.Action, outcome.Response.ShouldContinue),
        outcome.State.AsDto(audio),
        outcome.State.TurnNumber,
        outcome.Response.Timings);

    public static SessionStateDto AsDto(this SessionState s, BlobAudioStore audio) => new(
        s.InterviewId,
        s.CurrentPhase,
        s.ConversationHistory.Select(t => new ConversationTurnDto(t.Role, t.Content, audio.ReadUrl(t.AudioRef), t.Timestamp, t.Phase, t.ActionType, t.Confidence)).ToList(),
        s.TopicsCovered,
        s.Insights,
        s.QuestionsAsked,
        s.StartedAt,
        s.LastUpdated,
        s.Status,
        s.PlanId,
        s.Role,
        s.CandidateName,
        s.TurnNumber,
        s.Usage);
}
