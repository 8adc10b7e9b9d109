namespace Interview.Core.Domain;

public sealed record AgentAction(ActionType ActionType, string Reasoning, string? NextPhase);

/// <summary>What the interviewer says back. <see cref="AudioRef"/> is a blob name, as in <see cref="ConversationTurn"/>.</summary>
public sealed record AgentResponse(string Text, string? AudioRef, AgentAction Action, bool ShouldContinue);
