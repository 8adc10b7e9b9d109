using Interview.Functions.Interviewer;
using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Llm;
using Interview.Core.Plans;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Evaluation;

/// <summary>
/// Scores a competency with the interviewer's model: one strict-schema call per competency under the evaluation's own
/// schema and a low temperature (a score should not depend on the dice), asked again once on invalid output. When
/// the model cannot answer, the rules evaluator scores that competency and says so, so a dead model delays nothing.
/// Citations are checked against the transcript by the scoring activity either way.
/// </summary>
public sealed partial class ModelEvaluator(
    IChatModel model,
    RulesEvaluator rules,
    IOptions<InterviewerOptions> interviewer,
    IOptions<AzureOpenAIOptions> azure,
    IOptions<OpenAICompatibleOptions> compatible,
    TimeProvider clock,
    ILogger<ModelEvaluator> logger) : ICompetencyEvaluator
{
    public const float Temperature = 0.1f;

    public string Name => interviewer.Value.Brain == InterviewerOptions.AzureOpenAI ? $"azure-openai:{azure.Value.Deployment}"
        : $"openai-compatible:{compatible.Value.Model}";

    public string PromptVersion => EvaluationPrompt.Version;

    public async Task<CompetencyScore> ScoreAsync(InterviewPlan plan, Competency competency, IReadOnlyList<ConversationTurn> transcript,
        CancellationToken ct)
    {
        var request = new ChatRequest(EvaluationPrompt.For(competency, transcript), EvaluationPrompt.SchemaName,
            EvaluationPrompt.Schema, Temperature);
        var result = await StructuredCall.AskAsync(model, request,
            (string? content, out CompetencyScore? score, out string error) =>
            {
                var valid = EvaluationPrompt.TryParse(content, competency.Name, out var parsed);
                (score, error) = (valid ? parsed : null, valid ? "" : "not a valid score with evidence");
                return valid;
            },
            clock.GetUtcNow() + interviewer.Value.RetryBudget, null, ct);
        if (result.Value is { } scored)
        {
            return scored;
        }

        Log.FellBack(logger, competency.Name, result.FailureReason!);
        var fallback = await rules.ScoreAsync(plan, competency, transcript, ct);
        return fallback with { Rationale = $"(Scored by the rules evaluator: the model {result.FailureReason}.) {fallback.Rationale}" };
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Model evaluation of {Competency} fell back to the rules evaluator: {Reason}")]
        public static partial void FellBack(ILogger logger, string competency, string reason);
    }
}
