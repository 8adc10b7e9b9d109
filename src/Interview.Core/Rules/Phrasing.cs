using Interview.Core.Domain;

namespace Interview.Core.Rules;

/// <summary>
/// The rules brain's wording. Variants are picked from the turn number, so a replay of the same state says
/// the same thing (deterministic) while consecutive turns do not sound canned. A follow-up says what the answer
/// was missing (an example, the result, the candidate's own part, the steps) instead of a generic "say more".
/// </summary>
internal static class Phrasing
{
    /// <summary>Said once when answers have become minimal; the rules brain finds it in the history by this text.</summary>
    public const string CheckIn = "Would you like a moment, or shall we move on?";

    public const string PassOn =
        "That's a fair question, and I don't have the answer to it here. I'll pass it on to the hiring team so they can get back to you.";

    private static readonly string[] Acknowledgements =
        ["Thanks, that's helpful.", "Got it, thank you.", "Thanks for walking me through that.", "Understood.", "That's useful context, thanks."];

    private static readonly string[] ExamplePrompts =
    [
        "Could you give me one specific example: a time you did this, and what you did?",
        "What did that look like in practice? Pick one real situation and tell me what you did.",
    ];

    private static readonly string[] ResultPrompts =
    [
        "And what was the result? How did you know it had worked, and by how much?",
        "How did it turn out? Was there something you could measure, before and after?",
    ];

    private static readonly string[] OwnPartPrompts =
    [
        "What was your own part in that? What did you do yourself?",
        "You mentioned what the team did. Which part of it was yours?",
    ];

    private static readonly string[] StepPrompts =
    [
        "Could you walk me through the steps you took, one at a time?",
        "How did you go about it, from the start to where it ended up?",
    ];

    private static readonly string[] DetailPrompts =
    [
        "Could you tell me a little more: what you work on, and what your part in it is?",
        "Could you fill that in a little: what you did there, and what you enjoyed or learned?",
    ];

    private static readonly string[] UnsurePrompts =
    [
        "That's fine. How would you approach it if you had to figure it out?",
        "No problem. What would your first steps be if this came up on your team?",
    ];

    public static string Acknowledge(SessionState state) => Pick(Acknowledgements, state);

    public static string ExampleFollowup(SessionState state) => Pick(ExamplePrompts, state);

    public static string ResultFollowup(SessionState state) => Pick(ResultPrompts, state);

    public static string OwnPartFollowup(SessionState state) => Pick(OwnPartPrompts, state);

    public static string StepsFollowup(SessionState state) => Pick(StepPrompts, state);

    public static string DetailFollowup(SessionState state) => Pick(DetailPrompts, state);

    public static string UnsureFollowup(SessionState state) => Pick(UnsurePrompts, state);

    private static string Pick(string[] options, SessionState state) => options[state.ConversationHistory.Count % options.Length];
}
