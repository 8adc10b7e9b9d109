namespace Interview.Core.Domain;

public sealed record AgentAction(ActionType ActionType, string Reasoning, string? NextPhase);

/// <summary>What the interviewer says back. <see cref="AudioRef"/> is a blob name, as in <see cref="ConversationTurn"/>.</summary>
public sealed record AgentResponse(string Text, string? AudioRef, AgentAction Action, bool ShouldContinue);

/// <summary>Milliseconds spent per stage of one turn: transcription, the brain, synthesis, and the storage commit.</summary>
public sealed record TurnTimings(long SttMs, long BrainMs, long TtsMs, long StoreMs)
{
    public static TurnTimings None { get; } = new(0, 0, 0, 0);
}
