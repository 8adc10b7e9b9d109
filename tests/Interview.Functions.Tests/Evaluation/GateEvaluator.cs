using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Plans;

namespace Interview.Functions.Tests.Evaluation;

/// <summary>Rules scoring, but <paramref name="hold"/> waits until <see cref="Release"/>: an evaluation caught mid-run.</summary>
internal sealed class GateEvaluator(string hold) : ICompetencyEvaluator
{
    private readonly RulesEvaluator _rules = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => _rules.Name;

    public string PromptVersion => _rules.PromptVersion;

    public void Release() => _released.TrySetResult();

    public async Task<CompetencyScore> ScoreAsync(InterviewPlan plan, Competency competency, IReadOnlyList<ConversationTurn> transcript,
        CancellationToken ct)
    {
        if (competency.Name == hold)
        {
            await _released.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        }

        return await _rules.ScoreAsync(plan, competency, transcript, ct);
    }
}

/// <summary>An evaluator for which this interview can never be evaluated, as a deleted or corrupt one could not.</summary>
internal sealed class RefusingEvaluator : ICompetencyEvaluator
{
    public string Name => "rules";

    public string PromptVersion => "none";

    public Task<CompetencyScore> ScoreAsync(InterviewPlan plan, Competency competency, IReadOnlyList<ConversationTurn> transcript,
        CancellationToken ct) =>
        throw new EvaluationNotPossibleException($"The transcript of this interview cannot be scored ({competency.Name}).");
}
