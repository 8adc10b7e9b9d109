using Interview.Core.Domain;
using Interview.Core.Plans;

namespace Interview.Core.Rules;

/// <summary>
/// The rules brain's wording. Variants are picked from the turn number, so a replay of the same state says
/// the same thing (deterministic) while consecutive turns do not sound canned. A follow-up says what the answer
/// was missing (an example, the result, the candidate's own part, the steps) instead of a generic "say more", and is
/// never a line already said in the interview (the promise ModelReply holds a model to): once every wording of a
/// probe has been used there is none (null), and the interview moves on instead. <see cref="Fixed"/> lists all of it, so
/// its audio is shared between interviews: wording the rules brain says must live here, not inline.
/// </summary>
internal static class Phrasing
{
    /// <summary>Said once when answers have become minimal; the rules brain finds it in the history by this text.</summary>
    public const string CheckIn = "Would you like a moment, or shall we move on?";

    public const string PassOn =
        "That's a fair question, and I don't have the answer to it here. I'll pass it on to the hiring team so they can get back to you.";

    public const string NotCaught = "Sorry, I didn't catch an answer there.";

    public const string OfCourse = "Of course.";

    public const string TakeYourTime = "Take your time, there's no rush. Whenever you're ready.";

    public const string KeepToQuestions = "I'll keep to the interview questions.";

    public const string MoveOnForNow = "Let's move on for now.";

    public const string SureMoveOn = "Sure, let's move on.";

    public const string MoveOn = "Let's move on.";

    public const string CarryOn = "Let's carry on.";

    public const string AnythingElse = "Is there anything else you'd like to know?";

    public const string BackToQuestion = "Back to my question:";

    private static readonly string[] Acknowledgements =
        ["Thanks, that's helpful.", "Got it, thank you.", "Thanks for walking me through that.", "Understood.",
            "That's useful context, thanks."];

    private static readonly string[] ExamplePrompts =
    [
        "Could you give me one specific example: a time you did this, and what you did?",
        "What did that look like in practice? Pick one real situation and tell me what you did.",
        "Can you think of a particular time this came up? Tell me what happened and what you did.",
        "Let's make it concrete: which project was that, and what did you do in it?",
    ];

    private static readonly string[] ResultPrompts =
    [
        "And what was the result? How did you know it had worked, and by how much?",
        "How did it turn out? Was there something you could measure, before and after?",
        "What changed because of it? Any numbers, or feedback, that showed the difference?",
    ];

    private static readonly string[] OwnPartPrompts =
    [
        "What was your own part in that? What did you do yourself?",
        "You mentioned what the team did. Which part of it was yours?",
        "Which decisions there were yours, and which were other people's?",
    ];

    private static readonly string[] StepPrompts =
    [
        "Could you walk me through the steps you took, one at a time?",
        "How did you go about it, from the start to where it ended up?",
        "What did you do first, and what came after that?",
    ];

    private static readonly string[] DetailPrompts =
    [
        "Could you tell me a little more: what you work on, and what your part in it is?",
        "Could you fill that in a little: what you did there, and what you enjoyed or learned?",
        "Could you say a bit more about that, and what you did there yourself?",
    ];

    private static readonly string[] UnsurePrompts =
    [
        "That's fine. How would you approach it if you had to figure it out?",
        "No problem. What would your first steps be if this came up on your team?",
        "That's all right. Where would you start if you had to work it out today?",
    ];

    public static string Greeting(InterviewPlan plan, string role, string? name) =>
        $"Hi{(name is { Length: > 0 } ? $" {name}" : "")}, thanks for joining me today. I'm your interviewer for the {role} role. " +
        $"We'll go through a few parts ({string.Join(", ", plan.Phases.Select(p => p.Name))}), and you can ask me to repeat a question, " +
        $"take a moment, or ask me about the role at any time. Let's start: {plan.Phases[0].Questions[0].Text}";

    public static string Farewell(InterviewPlan plan, string? name) =>
        $"Thank you{(name is { Length: > 0 } ? $", {name}" : "")}. {plan.ClosingRemark}";

    /// <summary>Everything above as said to any candidate of <paramref name="plan"/>: no name in it, the plan's own role.</summary>
    public static IEnumerable<string> Fixed(InterviewPlan plan) =>
    [
        CheckIn, PassOn, NotCaught, OfCourse, TakeYourTime, KeepToQuestions, MoveOnForNow, SureMoveOn, MoveOn, CarryOn, AnythingElse,
        BackToQuestion, Greeting(plan, plan.Role, null), Farewell(plan, null), .. Acknowledgements, .. ExamplePrompts, .. ResultPrompts,
        .. OwnPartPrompts, .. StepPrompts, .. DetailPrompts, .. UnsurePrompts,
    ];

    public static string Acknowledge(SessionState state) => Pick(Acknowledgements, state);

    public static string? ExampleFollowup(SessionState state) => Unsaid(ExamplePrompts, state);

    public static string? ResultFollowup(SessionState state) => Unsaid(ResultPrompts, state);

    public static string? OwnPartFollowup(SessionState state) => Unsaid(OwnPartPrompts, state);

    public static string? StepsFollowup(SessionState state) => Unsaid(StepPrompts, state);

    public static string? DetailFollowup(SessionState state) => Unsaid(DetailPrompts, state);

    public static string? UnsureFollowup(SessionState state) => Unsaid(UnsurePrompts, state);

    private static string Pick(string[] options, SessionState state) => options[state.ConversationHistory.Count % options.Length];

    /// <summary>The first wording from the turn's pick on that the interviewer has not said yet, or null when it said them all.</summary>
    private static string? Unsaid(string[] options, SessionState state) =>
        Enumerable.Range(0, options.Length)
            .Select(i => options[(state.ConversationHistory.Count + i) % options.Length])
            .FirstOrDefault(o => !state.ConversationHistory.Any(t => t.Role == Roles.Interviewer
                && t.Content.Contains(o, StringComparison.OrdinalIgnoreCase)));
}
