using Interview.Core.Domain;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Llm;

/// <summary>Hand-built states for prompt tests, so each status line can be checked against a value the test chose.</summary>
internal static class PromptStates
{
    private static readonly DateTime Now = FixedClock.Start.UtcDateTime;

    public static SessionState Blank(string? candidateName = "Ada", string role = "Software Engineer") => new(
        "iv-1", "intro", [], [], [], 0, Now, Now, SessionStatus.Active,
        TestPlans.Default.Id, role, candidateName, InterviewProgress.Empty);

    /// <summary>
    /// Mid-interview in the technical phase: 5 questions asked, two bank ids, one follow-up in a row,
    /// a topic and a note, and a short history that ends with <paramref name="answer"/> as the agent hands it over.
    /// </summary>
    public static SessionState MidInterview(string answer, string? candidateName = "Ada", string role = "Software Engineer") =>
        Blank(candidateName, role) with
        {
            CurrentPhase = "technical",
            QuestionsAsked = 5,
            TopicsCovered = ["system_design"],
            Insights = ["Mentions caching layers"],
            Progress = new InterviewProgress(["intro-background", "tech-design"], 2, 1, 0, "Tell me about a system you designed."),
            ConversationHistory =
            [
                Turn(Roles.Interviewer, "Tell me about a system you designed."),
                Turn(Roles.Candidate, "A billing pipeline."),
                Turn(Roles.Interviewer, "Could you go into more detail there?"),
                Turn(Roles.Candidate, answer),
            ],
        };

    public static ConversationTurn Turn(string role, string content) => new(role, content, null, Now, "technical");
}
