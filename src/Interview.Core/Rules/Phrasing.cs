using Interview.Core.Domain;

namespace Interview.Core.Rules;

/// <summary>
/// The rules brain's wording. Variants are picked from the turn number, so a replay of the same state says
/// the same thing (deterministic) while consecutive turns do not sound canned.
/// </summary>
internal static class Phrasing
{
    private static readonly string[] Acknowledgements =
        ["Thanks, that's helpful.", "Got it, thank you.", "Thanks for walking me through that.", "Understood.", "That's useful context, thanks."];

    private static readonly string[] ShortPrompts =
        ["Could you say a bit more about that?", "Can you expand on that a little?", "Could you go into more detail there?"];

    private static readonly string[] ExamplePrompts =
    [
        "Can you walk me through a specific example: what was the situation, what did you do, and what was the outcome?",
        "Could you make that concrete with a real example from your work, ideally with the numbers involved?",
        "What did that look like in practice? A specific project and its measurable result would help.",
    ];

    private static readonly string[] UnsurePrompts =
    [
        "That's fine. How would you approach it if you had to figure it out?",
        "No problem. What would your first steps be if this came up on your team?",
    ];

    public static string Acknowledge(SessionState state) => Pick(Acknowledgements, state);

    public static string ShortFollowup(SessionState state) => Pick(ShortPrompts, state);

    public static string ExampleFollowup(SessionState state) => Pick(ExamplePrompts, state);

    public static string UnsureFollowup(SessionState state) => Pick(UnsurePrompts, state);

    private static string Pick(string[] options, SessionState state) => options[state.ConversationHistory.Count % options.Length];
}
