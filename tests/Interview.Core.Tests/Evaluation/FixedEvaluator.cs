using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Plans;

namespace Interview.Core.Tests.Evaluation;

/// <summary>An evaluator that answers each competency with whatever <paramref name="score"/> says, as a model might.</summary>
internal sealed class FixedEvaluator(Func<Competency, CompetencyScore> score, string name = "fixed-model",
    string promptVersion = "prompt-test") : ICompetencyEvaluator
{
    public string Name => name;

    public string PromptVersion => promptVersion;

    public Task<CompetencyScore> ScoreAsync(InterviewPlan plan, Competency competency, IReadOnlyList<ConversationTurn> transcript,
        CancellationToken cancellationToken) =>
        Task.FromResult(score(competency));
}
