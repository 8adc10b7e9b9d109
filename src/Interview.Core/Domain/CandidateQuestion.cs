namespace Interview.Core.Domain;

/// <summary>How the interviewer dealt with a candidate's own question.</summary>
public enum QuestionOutcome
{
    /// <summary>Answered from the plan's facts about the job.</summary>
    Answered,

    /// <summary>Not in the plan's facts: the candidate was told it goes to the hiring team.</summary>
    PassedOn,
}

/// <summary>A question the candidate asked the interviewer, kept for the recruiter (passed-on ones need an answer).</summary>
public sealed record CandidateQuestion(string Question, string Reply, QuestionOutcome Outcome, string Phase, DateTime AskedAt)
{
    /// <summary>Kept per interview; a candidate asking more is still answered, the list just stops growing.</summary>
    public const int MaxKept = 30;

    /// <summary>A question longer than this is kept cut short.</summary>
    public const int MaxChars = 500;

    /// <summary>
    /// The reply kept with a question is cut here; the whole line stays in the history. Bounds the stored state: thirty
    /// questions and replies, six JSON characters each if every character must be escaped, stay well inside 1 MiB.
    /// </summary>
    public const int MaxReplyChars = 1000;
}

/// <summary>A brain's word on one candidate question it answered in its reply.</summary>
public sealed record QuestionAnswered(string Question, QuestionOutcome Outcome);
