using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Llm;
using Interview.Core.Plans;
using Interview.Core.Sessions;

namespace Interview.Functions.Tests.Storage;

/// <summary>An interview with every stored field at the largest the app lets it grow, written in one script.</summary>
internal static class WorstCaseInterview
{
    public const string Cyrillic = "Съешь же ещё этих мягких французских булок, да выпей чаю. ";
    public const string Chinese = "我们把缓存的延迟降低了百分之四十，并且减少了数据库的负载。";

    /// <summary>Characters every encoder escapes (outside the BMP): six stored characters each, the worst any text can cost.</summary>
    public const string Emoji = "😀";

    /// <summary>Interview:MaxTextChars as configured by default.</summary>
    public const int AnswerChars = 8_000;

    /// <summary>A model line is at most ModelReply.MaxTextChars; a rules line quoting job facts, PlanLimits.MaxAboutChars.</summary>
    public const int LineChars = PlanLimits.MaxAboutChars;

    public static string Text(string script, int length) =>
        string.Concat(Enumerable.Repeat(script, (length / script.Length) + 1))[..length];

    public static SessionState State(string id, string script, int turns)
    {
        var at = new DateTime(2025, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        var phase = Name("phase", 0);
        var history = Enumerable.Range(0, turns).Select(i => i % 2 == 0
            ? new ConversationTurn(Roles.Interviewer, Text(script, LineChars), $"{id}/{i:D6}.mp3", at, phase, ActionType.NewQuestion)
            : new ConversationTurn(Roles.Candidate, Text(script, AnswerChars), $"{id}/{i:D6}.webm", at, phase, null, 0.123456789)).ToList();
        return new SessionState(
            id,
            phase,
            history,
            Enumerable.Range(0, PlanLimits.MaxCompetencies).Select(i => Name("competency", i)).ToList(),
            Enumerable.Range(0, StateTransitions.MaxInsights).Select(_ => Text(script, StateTransitions.MaxInsightChars)).ToList(),
            int.MaxValue,
            at,
            at,
            SessionStatus.Active,
            Name("plan", 0)[..63],
            Text(script, PlanLimits.MaxRoleChars),
            Text(script, 100),
            new InterviewProgress(
                Enumerable.Range(0, PlanLimits.MaxOverallQuestions).Select(i => Name("question", i)).ToList(),
                int.MaxValue, int.MaxValue, int.MaxValue, Text(script, LineChars), int.MaxValue))
        {
            EvaluationVersion = int.MaxValue,
            PlanVersion = int.MaxValue,
            SilenceSeconds = PlanLimits.MaxSilenceSeconds,
            Usage = new ModelUsage(int.MaxValue, long.MaxValue, long.MaxValue, long.MaxValue, int.MaxValue),
            CandidateQuestions = Enumerable.Range(0, CandidateQuestion.MaxKept)
                .Select(_ => new CandidateQuestion(
                    Text(script, CandidateQuestion.MaxChars),
                    Text(script, CandidateQuestion.MaxReplyChars),
                    QuestionOutcome.PassedOn,
                    phase,
                    at))
                .ToList(),
        };
    }

    /// <summary>The idempotency record of the turn that made <paramref name="after"/>: the reply and the header as it was then.</summary>
    public static IdempotencyRecord Replay(SessionState after, string script) => new(
        "worst-case-key",
        new string('F', 64),
        new TurnOutcome(
            new AgentResponse(Text(script, LineChars), $"{after.InterviewId}/reply.mp3",
                new AgentAction(ActionType.NewQuestion, Text(script, ModelReply.MaxTextChars), Name("phase", 1)), true),
            after,
            new TurnTimings(long.MaxValue, long.MaxValue, long.MaxValue, long.MaxValue)));

    /// <summary>A plan name (competency, phase, question id) at its longest; they are ASCII slugs by the plan's rules.</summary>
    private static string Name(string kind, int i) => $"{kind}-{i:D3}-".PadRight(PlanLimits.MaxNameChars, 'x');
}
