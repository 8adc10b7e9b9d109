using Interview.Functions.Interviewer;
using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Plans;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Evaluation;

/// <summary>
/// Scores a competency with the interviewer's model: one strict-schema call per competency, asked again once on
/// invalid output. When the model cannot answer, the rules evaluator scores that competency and says so, so a dead
/// model delays nothing. Citations are checked against the transcript by the runner either way.
/// </summary>
public sealed partial class ModelEvaluator(
    ChatModel model,
    RulesEvaluator rules,
    IOptions<InterviewerOptions> interviewer,
    IOptions<AzureOpenAIOptions> azure,
    IOptions<OpenAICompatibleOptions> compatible,
    TimeProvider clock,
    ILogger<ModelEvaluator> logger) : ICompetencyEvaluator
{
    public string Name => interviewer.Value.Brain == InterviewerOptions.AzureOpenAI ? $"azure-openai:{azure.Value.Deployment}" : $"openai-compatible:{compatible.Value.Model}";

    public string PromptVersion => EvaluationPrompt.Version;

    public async Task<CompetencyScore> ScoreAsync(InterviewPlan plan, Competency competency, IReadOnlyList<ConversationTurn> transcript, CancellationToken ct)
    {
        var prompt = EvaluationPrompt.For(competency, transcript);
        var deadline = clock.GetUtcNow() + interviewer.Value.RetryBudget;
        var reason = "";
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var call = await model.CompleteAsync(prompt, EvaluationPrompt.Schema, deadline, ct);
            if (!call.Succeeded)
            {
                reason = call.Failure!;
                break;
            }

            if (EvaluationPrompt.TryParse(call.Content, competency.Name, out var score))
            {
                return score;
            }

            reason = "invalid output";
        }

        Log.FellBack(logger, competency.Name, reason);
        var fallback = await rules.ScoreAsync(plan, competency, transcript, ct);
        return fallback with { Rationale = $"(Scored by the rules evaluator: the model {reason}.) {fallback.Rationale}" };
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Model evaluation of {Competency} fell back to the rules evaluator: {Reason}")]
        public static partial void FellBack(ILogger logger, string competency, string reason);
    }
}
