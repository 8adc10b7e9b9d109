using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Llm;
using Interview.Core.Plans;
using Interview.Core.Rules;
using Microsoft.Extensions.Options;
using Interview.Functions.Http;

namespace Interview.Functions.Interviewer;

/// <summary>
/// The interviewer on a language model: one structured call decides and words each turn. Output that fails
/// validation is asked for once more; when the model is down, slow or keeps answering nonsense, the rules brain
/// answers this turn instead and the reply says so. The candidate always gets a valid turn.
/// </summary>
public sealed partial class ModelBrain(
    IChatModel model, RulesBrain rules, IOptions<InterviewerOptions> options, BrainMetrics metrics, TimeProvider clock,
        ILogger<ModelBrain> logger)
    : IStreamingBrain
{
    /// <summary>Some variety in wording; decisions are constrained by the schema and the validation.</summary>
    private const float Temperature = 0.4f;

    public Task<BrainReply> OpenAsync(InterviewPlan plan, SessionState state, CancellationToken cancellationToken) =>
        AskAsync(plan, state, InterviewPrompt.ForOpening(plan, state), opening: true, () => rules.OpenAsync(plan, state, cancellationToken),
            null, cancellationToken);

    public Task<BrainReply> DecideAsync(InterviewPlan plan, SessionState state, string answer, CancellationToken cancellationToken) =>
        AskAsync(plan, state, InterviewPrompt.ForTurn(plan, state, answer), opening: false, ()
            => rules.DecideAsync(plan, state, answer, cancellationToken), null, cancellationToken);

    /// <summary>Streams the reply's words to <paramref name="text"/> as the model writes them.</summary>
    public Task<BrainReply> OpenAsync(InterviewPlan plan, SessionState state, IReplyText text, CancellationToken cancellationToken) =>
        AskAsync(plan, state, InterviewPrompt.ForOpening(plan, state), opening: true, () => rules.OpenAsync(plan, state, cancellationToken),
            text, cancellationToken);

    /// <summary>Streams the reply's words to <paramref name="text"/> as the model writes them.</summary>
    public Task<BrainReply> DecideAsync(InterviewPlan plan, SessionState state, string answer, IReplyText text,
        CancellationToken cancellationToken) =>
        AskAsync(plan, state, InterviewPrompt.ForTurn(plan, state, answer), opening: false, ()
            => rules.DecideAsync(plan, state, answer, cancellationToken), text, cancellationToken);

    public bool Acknowledges => options.Value.Acknowledge;

    /// <summary>Only the rules brain's: it answers when the model cannot. The model's own words are never fixed.</summary>
    public IEnumerable<string> FixedWording(InterviewPlan plan) => rules.FixedWording(plan);

    // The words stream as they come, and the last sentence is spoken once the text closes if the fields before it pass;
    // if the reply then proves invalid, the re-ask (or the rules fallback) starts the line over.
    private async Task<BrainReply> AskAsync(
        InterviewPlan plan, SessionState state, ChatPrompt prompt, bool opening, Func<Task<BrainReply>> fallback, IReplyText? text,
            CancellationToken ct)
    {
        var request = new ChatRequest(prompt, ReplySchema.Name, ReplySchema.For(plan), Temperature);
        var result = await StructuredCall.AskAsync(model, request,
            (string? content, out BrainReply? reply, out string error)
                => ModelReply.TryParse(content, plan, state, opening, out reply, out error),
            clock.GetUtcNow() + options.Value.RetryBudget, (attempt, error)
                => Log.InvalidOutput(logger, state.InterviewId, attempt, error), ct,
            text is null ? null : new ReplyTextStream(text, head => ModelReply.TryAcceptHead(head, plan, state, opening, out _)));
        if (result.Value is { } answer)
        {
            return answer with { Usage = result.Usage };
        }

        metrics.Fallback(result.FailureKind);
        Log.FellBack(logger, state.InterviewId, result.FailureReason!);
        var rulesReply = await fallback();
        var action = rulesReply.Action
            with { Reasoning = $"Fallback to the rules brain (model {result.FailureReason}). {rulesReply.Action.Reasoning}" };
        return rulesReply with { Action = action, Usage = result.Usage with { Fallbacks = result.Usage.Fallbacks + 1 } };
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Model reply for interview {InterviewId} rejected on attempt {Attempt}: {Error}")]
        public static partial void InvalidOutput(ILogger logger, string interviewId, int attempt, string error);

        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Interview {InterviewId}: this turn falls back to the rules brain because the model {Reason}")]
        public static partial void FellBack(ILogger logger, string interviewId, string reason);
    }
}
