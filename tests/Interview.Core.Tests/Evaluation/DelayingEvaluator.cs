using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Plans;

namespace Interview.Core.Tests.Evaluation;

/// <summary>Scores as <paramref name="inner"/> does, after a per-competency delay: makes the fan-in order a test's choice.</summary>
internal sealed class DelayingEvaluator(ICompetencyEvaluator inner, Func<string, TimeSpan> delay) : ICompetencyEvaluator
{
    public string Name => inner.Name;

    public string PromptVersion => inner.PromptVersion;

    public async Task<CompetencyScore> ScoreAsync(InterviewPlan plan, Competency competency, IReadOnlyList<ConversationTurn> transcript,
        CancellationToken cancellationToken)
    {
        await Task.Delay(delay(competency.Name), cancellationToken);
        return await inner.ScoreAsync(plan, competency, transcript, cancellationToken);
    }
}
