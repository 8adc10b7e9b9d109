using Interview.Core.Domain;

namespace Interview.Core.Plans;

/// <summary>
/// What an interview covers: the competencies to probe and the phases in order, each with a question bank
/// and a budget of primary questions. <see cref="MaxQuestions"/> caps every question, follow-ups included.
/// <see cref="Locale"/>, <see cref="Voice"/> and <see cref="Vocabulary"/> (terms the speech recognizer should expect) steer speech.
/// <see cref="About"/> holds what the recruiter tells candidates about the job, when given.
/// <see cref="SilenceSeconds"/> is how long the page waits in silence before it ends a spoken answer by itself.
/// </summary>
public sealed record InterviewPlan(
    string Id,
    string Role,
    IReadOnlyList<Competency> Competencies,
    IReadOnlyList<InterviewPhase> Phases,
    int MaxQuestions,
    int MaxFollowupsPerQuestion,
    int MinAnswerWords,
    string ClosingRemark,
    string Locale = "en-US",
    string? Voice = null,
    IReadOnlyList<string>? Vocabulary = null,
    PlanAbout? About = null,
    int SilenceSeconds = InterviewPlan.DefaultSilenceSeconds)
{
    public const int DefaultSilenceSeconds = SessionState.DefaultSilenceSeconds;

    public InterviewPhase Phase(string name) =>
        Phases.FirstOrDefault(p => p.Name == name) ?? throw new InvalidOperationException($"Plan '{Id}' has no phase '{name}'.");

    public bool HasPhase(string name) => Phases.Any(p => p.Name == name);

    public InterviewPhase? PhaseAfter(string name)
    {
        var index = Phases.ToList().FindIndex(p => p.Name == name);
        return index >= 0 && index + 1 < Phases.Count ? Phases[index + 1] : null;
    }
}

public sealed record Competency(string Name, string Description, IReadOnlyList<string> Keywords);

/// <summary>A phase; <see cref="Transition"/> is said when the interview enters it. Follow-ups make no sense in closing.</summary>
public sealed record InterviewPhase(
    string Name,
    string Transition,
    int MaxQuestions,
    bool AllowFollowups,
    IReadOnlyList<PlanQuestion> Questions);

public sealed record PlanQuestion(string Id, string Text, string? Competency);

/// <summary>Facts about the job a recruiter wrote for candidates; each is absent when not given.</summary>
public sealed record PlanAbout(
    string? Role = null, string? Team = null, string? Process = null, string? NextSteps = null, string? Location = null)
{
    /// <summary>Every fact with its JSON name, in order; a fact not given is null.</summary>
    public IReadOnlyList<(string Name, string? Text)> Facts() =>
        [("role", Role), ("team", Team), ("process", Process), ("next_steps", NextSteps), ("location", Location)];
}
