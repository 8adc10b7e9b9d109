namespace Interview.Core.Domain;

/// <summary>What the interviewer does next. Serialized snake_case: ask_followup, new_question, clarify, conclude.</summary>
public enum ActionType
{
    AskFollowup,
    NewQuestion,
    Clarify,
    Conclude,
}

/// <summary>
/// Active until the agent concludes (the interviewer said goodbye) or a client ends it with DELETE.
/// Both refuse further turns; only Ended is final for DELETE.
/// </summary>
public enum SessionStatus
{
    Active,
    Concluded,
    Ended,
}

public static class Roles
{
    public const string Interviewer = "interviewer";
    public const string Candidate = "candidate";
}
