using Interview.Core.Domain;
using Interview.Core.Sessions;
using Interview.Functions.Storage;
using Interview.Functions.Http;

namespace Interview.Functions.Sessions;

// The wire contract of the original guide, serialized snake_case. Audio references become short-lived URLs here.

public sealed record StartSessionRequest(string? CandidateName, string? Role, string? PlanId);

public sealed record SessionResponse(InterviewerResponse InterviewerResponse, SessionStateDto SessionState, int TurnNumber,
    TurnTimings Timings)
{
    /// <summary>Token mode only, on start: the bearer token for every later call on this interview.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? SessionToken { get; init; }
}

public sealed record InterviewerResponse(string Text, Uri? AudioUrl, AgentAction Action, bool ShouldContinue);

/// <summary><c>interrupted_at</c>: on an interviewer line the candidate spoke over, how much of it they heard (else null).</summary>
public sealed record ConversationTurnDto(
    string Role, string Content, Uri? AudioUrl, DateTime Timestamp, string Phase, ActionType? ActionType, double? Confidence,
        Interruption? InterruptedAt);

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

/// <summary>
/// To the wire. <c>notes</c>: whether the caller may read the interviewer's notes on the candidate (the action's
/// reasoning, the insights), which only the recruiter side may: a candidate who read them could play to the evaluation.
/// Without notes the fields stay, empty, so the guide's contract holds.
/// </summary>
internal static class SessionDtoMapping
{
    public static async Task<SessionResponse> AsResponseAsync(this TurnOutcome outcome, IAudioLinks audio, bool notes, CancellationToken ct)
        => new(
        new InterviewerResponse(outcome.Response.Text, await audio.ReadUrlAsync(outcome.Response.AudioRef, ct),
            notes ? outcome.Response.Action : outcome.Response.Action with { Reasoning = "" }, outcome.Response.ShouldContinue),
        await outcome.State.AsDtoAsync(audio, notes, ct),
        outcome.State.TurnNumber,
        outcome.Timings);

    public static async Task<SessionStateDto> AsDtoAsync(this SessionState s, IAudioLinks audio, bool notes, CancellationToken ct)
    {
        var history = new List<ConversationTurnDto>(s.ConversationHistory.Count);
        foreach (var t in s.ConversationHistory)
        {
            history.Add(new ConversationTurnDto(t.Role, t.Content, await audio.ReadUrlAsync(t.AudioRef, ct), t.Timestamp, t.Phase,
                t.ActionType, t.Confidence,
                t.InterruptedAt));
        }

        return new SessionStateDto(s.InterviewId, s.CurrentPhase, history, s.TopicsCovered, notes ? s.Insights : [], s.QuestionsAsked,
            s.StartedAt, s.LastUpdated,
            s.Status, s.PlanId, s.Role, s.CandidateName, s.TurnNumber, s.Usage,
            s.CandidateQuestions, s.SilenceSeconds, s.PlanVersion);
    }
}

/// <summary>The turn's multipart form, for the OpenAPI document: one of the two answer parts (a recording may bring its
/// transcript), and the barge-in fields.</summary>
public sealed record TurnForm(
    string? Text, byte[]? Audio, string? Transcript = null, string? StreamId = null, int? InterruptedAtMs = null, int? HeardChars = null);
