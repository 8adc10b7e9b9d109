using Interview.Core.Domain;
using Interview.Core.Plans;

namespace Interview.Core.Evaluation;

/// <summary>Scores one competency from the transcript. Pure with respect to storage: the coordinator checkpoints.</summary>
public interface ICompetencyEvaluator
{
    /// <summary>"rules", or the model the scores came from.</summary>
    string Name { get; }

    string PromptVersion { get; }

    Task<CompetencyScore> ScoreAsync(InterviewPlan plan, Competency competency, IReadOnlyList<ConversationTurn> transcript,
        CancellationToken cancellationToken);
}
