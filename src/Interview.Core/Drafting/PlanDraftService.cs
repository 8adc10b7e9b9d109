using Interview.Core.Domain;
using Interview.Core.Llm;
using Microsoft.Extensions.Logging;
using Interview.Core.Plans;

namespace Interview.Core.Drafting;

public enum PlanDraftSource
{
    Model,
    Offline,
}

/// <summary>
/// A draft for the recruiter to edit: the plan (valid by <see cref="PlanRules"/>, not saved), who wrote it, and why
/// the model's draft was not used when there was a model (<see cref="FallbackReason"/> is null otherwise).
/// </summary>
public sealed record PlanDraft(InterviewPlan Plan, PlanDraftSource Source, string? FallbackReason, ModelUsage Usage);

/// <summary>
/// Drafts a plan from a job description. With a model: one strict-schema call at a low temperature (a draft should
/// not depend on the dice), validated by the same rules as any plan, asked once more when invalid
/// (<see cref="StructuredCall"/>); when the model fails or writes two invalid drafts, the offline draft. Without one,
/// the offline draft directly.
/// </summary>
public sealed partial class PlanDraftService(PlanDrafter drafter, ILogger<PlanDraftService> logger)
{
    public const float Temperature = 0.2f;

    /// <summary>A full plan is a few thousand tokens of JSON.</summary>
    public const int MaxOutputTokens = 6000;

    public async Task<PlanDraft> DraftAsync(DraftRequest request, IChatModel? model, DateTimeOffset deadline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var offline = drafter.Draft(request);
        if (model is null)
        {
            return new PlanDraft(offline, PlanDraftSource.Offline, null, ModelUsage.None);
        }

        var prompt = PlanDraftPrompt.For(request, offline.Vocabulary ?? []);
        var ask = new ChatRequest(prompt, PlanDraftSchema.Name, PlanDraftSchema.Json, Temperature, MaxOutputTokens);
        var result = await StructuredCall.AskAsync(model, ask,
            (string? content, out InterviewPlan? plan, out string error) => PlanDraftReply.TryParse(content, request, out plan, out error),
            deadline, (attempt, error) => Log.InvalidDraft(logger, attempt, error), ct);
        if (result.Value is { } drafted)
        {
            return new PlanDraft(drafted, PlanDraftSource.Model, null, result.Usage);
        }

        Log.FellBack(logger, result.FailureReason!);
        var usage = result.Usage with { Fallbacks = result.Usage.Fallbacks + 1 };
        return new PlanDraft(offline, PlanDraftSource.Offline, result.FailureReason, usage);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Model plan draft attempt {Attempt} was invalid: {Error}")]
        public static partial void InvalidDraft(ILogger logger, int attempt, string error);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Plan draft fell back to the offline drafter: {Reason}")]
        public static partial void FellBack(ILogger logger, string reason);
    }
}
