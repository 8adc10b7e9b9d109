using System.Collections.Concurrent;
using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Plans;

namespace Interview.Core.Tests.Evaluation;

/// <summary>
/// Passes scoring on to <paramref name="inner"/> and records which competencies it was asked for (from parallel workers, hence the
/// concurrent queue). Set <see cref="FailOnceOn"/> to make the next request for that competency fail, as a model call that times out would.
/// </summary>
internal sealed class RecordingEvaluator(ICompetencyEvaluator inner) : ICompetencyEvaluator
{
    private readonly ConcurrentQueue<string> _calls = new();

    public string? FailOnceOn { get; set; }

    public IReadOnlyList<string> Calls => [.. _calls];

    public string Name => inner.Name;

    public string PromptVersion => inner.PromptVersion;

    public Task<CompetencyScore> ScoreAsync(InterviewPlan plan, Competency competency, IReadOnlyList<ConversationTurn> transcript,
        CancellationToken cancellationToken)
    {
        _calls.Enqueue(competency.Name);
        if (competency.Name == FailOnceOn)
        {
            FailOnceOn = null;
            return Task.FromException<CompetencyScore>(new TimeoutException($"Scoring {competency.Name} timed out."));
        }

        return inner.ScoreAsync(plan, competency, transcript, cancellationToken);
    }
}
