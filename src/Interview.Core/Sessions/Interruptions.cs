using Interview.Core.Domain;

namespace Interview.Core.Sessions;

/// <summary>
/// Barge-in: the answer says how much of the interviewer's last line was heard, and that line is marked before the
/// agent runs, so the prompt sees it and the mark travels in the turn's one commit.
/// </summary>
public static class Interruptions
{
    /// <summary>Why the interruption cannot apply to this state, or null when it can (or there is none).</summary>
    public static string? Refusal(SessionState state, Interruption? interruption)
    {
        if (interruption is null)
        {
            return null;
        }

        if (state.ConversationHistory.LastOrDefault() is not { Role: Roles.Interviewer } line)
        {
            return "'interrupted_at_ms' names the interviewer's last line, and the interview has none to interrupt.";
        }

        return interruption.HeardChars > line.Content.Length
            ? $"'heard_chars' is more than the interviewer's last line holds ({line.Content.Length} characters)."
            : null;
    }

    /// <summary>The state with its last interviewer line marked; unchanged when there is no interruption.</summary>
    public static SessionState Mark(SessionState state, Interruption? interruption)
    {
        if (interruption is null || Refusal(state, interruption) is not null)
        {
            return state;
        }

        var history = state.ConversationHistory.ToList();
        history[^1] = history[^1] with { InterruptedAt = interruption };
        return state with { ConversationHistory = history };
    }
}
