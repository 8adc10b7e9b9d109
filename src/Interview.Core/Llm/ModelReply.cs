using System.Text.Json;
using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Plans;

namespace Interview.Core.Llm;

/// <summary>
/// Turns a model's JSON into a <see cref="BrainReply"/>, or says why it cannot: malformed JSON, an unknown action, a
/// phase the plan lacks or one behind the current phase, empty text. Soft problems are repaired rather than rejected:
/// unknown topics and overlong notes are dropped, a question id that is unknown or already asked is forgotten. The
/// candidate's question is <see cref="ModelCandidateQuestion"/>'s.
/// </summary>
public static class ModelReply
{
    public const int MaxTextChars = 1500;
    private const int MaxInsightsPerTurn = 5;
    private const int MaxInsightChars = StateTransitions.MaxInsightChars;

    public static readonly IReadOnlyDictionary<string, ActionType> ActionNames = new Dictionary<string, ActionType>
    {
        ["ask_followup"] = ActionType.AskFollowup,
        ["new_question"] = ActionType.NewQuestion,
        ["clarify"] = ActionType.Clarify,
        ["conclude"] = ActionType.Conclude,
    };

    public static readonly IReadOnlyDictionary<string, QuestionOutcome> OutcomeNames = new Dictionary<string, QuestionOutcome>
    {
        ["answered"] = QuestionOutcome.Answered,
        ["passed_on"] = QuestionOutcome.PassedOn,
    };

    public static bool TryParse(string? json, InterviewPlan plan, SessionState state, bool opening, out BrainReply reply, out string error)
    {
        reply = null!;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json ?? "");
        }
        catch (JsonException)
        {
            error = "reply was not valid JSON";
            return false;
        }

        using var owner = document;
        return TryRead(document.RootElement, plan, state, opening, out reply, out error);
    }

    /// <summary>
    /// Whether a streamed reply will be accepted, judged from its <paramref name="head"/>: the JSON up to and including
    /// the closing quote of <c>text</c>. Everything the checks need comes before the text (<see cref="ReplySchema.BeforeText"/>);
    /// what follows is only repaired, never rejected, so a valid head means a valid reply unless the rest is malformed.
    /// A head that lacks one of those fields (a model that ignored the order) is not judged: false.
    /// </summary>
    public static bool TryAcceptHead(string head, InterviewPlan plan, SessionState state, bool opening, out string error)
    {
        try
        {
            using var document = JsonDocument.Parse(head + "}");
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && ReplySchema.BeforeText.FirstOrDefault(f => !root.TryGetProperty(f, out _))
                is { } missing)
            {
                error = $"{missing} does not come before text";
                return false;
            }

            return TryRead(root, plan, state, opening, out _, out error);
        }
        catch (JsonException)
        {
            error = "the reply up to its text was not valid JSON";
            return false;
        }
    }

    private static bool TryRead(JsonElement root, InterviewPlan plan, SessionState state, bool opening, out BrainReply reply,
        out string error)
    {
        reply = null!;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "reply was not a JSON object";
            return false;
        }

        if (!ActionNames.TryGetValue(String(root, "action_type") ?? "", out var action))
        {
            error = $"unknown action_type '{String(root, "action_type")}'";
            return false;
        }

        if (opening && action != ActionType.NewQuestion)
        {
            error = "the opening must be a new_question";
            return false;
        }

        var nextPhase = String(root, "next_phase");
        if (nextPhase is not null && !plan.HasPhase(nextPhase))
        {
            error = $"next_phase '{nextPhase}' is not a phase of plan '{plan.Id}'";
            return false;
        }

        if (nextPhase is not null && PhaseIndex(plan, nextPhase) < PhaseIndex(plan, state.CurrentPhase))
        {
            error = $"next_phase '{nextPhase}' goes back from '{state.CurrentPhase}'";
            return false;
        }

        var text = String(root, "text")?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextChars)
        {
            error = string.IsNullOrEmpty(text) ? "text was empty" : $"text was longer than {MaxTextChars} characters";
            return false;
        }

        // A model must not ask again what it asked before, nor go on past the plan's question budget: the re-ask, or else
        // the rules brain, answers instead. These are the interviewer's promises to a candidate, whoever words the turn.
        if (action is ActionType.NewQuestion or ActionType.AskFollowup && !opening)
        {
            if (state.QuestionsAsked >= plan.MaxQuestions)
            {
                error = $"the plan's {plan.MaxQuestions} questions are asked: the interview must conclude";
                return false;
            }

            if (state.ConversationHistory.Any(t => t.Role == Roles.Interviewer && Same(t.Content, text)))
            {
                error = "the question was asked before";
                return false;
            }
        }

        if (!ModelCandidateQuestion.TryRead(root, plan, action, out var asked, out error))
        {
            return false;
        }

        var questionId = String(root, "question_id");
        var known = plan.Phases.SelectMany(p => p.Questions).Any(q => q.Id == questionId);
        var competencies = plan.Competencies.Select(c => c.Name).ToHashSet();
        var reasoning = String(root, "reasoning") ?? "";
        reply = new BrainReply(
            new AgentAction(action, reasoning.Length > MaxTextChars ? reasoning[..MaxTextChars] : reasoning, nextPhase),
            text,
            Question: action is ActionType.NewQuestion or ActionType.AskFollowup ? text : null,
            QuestionId: known && !state.Progress.AskedQuestionIds.Contains(questionId!) ? questionId : null,
            NewTopics: Strings(root, "topics_covered").Where(competencies.Contains).Distinct().ToList(),
            NewInsights: Strings(root, "insights").Select(i => i.Trim()).Where(i => i.Length is > 0
                and <= MaxInsightChars).Take(MaxInsightsPerTurn).ToList(),
            CandidateQuestions: asked is null ? null : [asked]);
        error = "";
        return true;
    }

    private static bool Same(string a, string b) =>
        string.Equals(string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);

    private static int PhaseIndex(InterviewPlan plan, string phase) => plan.Phases.ToList().FindIndex(p => p.Name == phase);

    internal static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<string> Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
            : [];
}
