using System.Text.Json;
using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Plans;

namespace Interview.Core.Llm;

/// <summary>
/// The reply's <c>candidate_question</c>: the candidate asked something and the model answered it or passed it on. It must
/// be well formed, cannot be followed up (it is not an answer), and cannot be "answered" from a plan without facts.
/// </summary>
internal static class ModelCandidateQuestion
{
    public static bool TryRead(JsonElement root, InterviewPlan plan, ActionType action, out QuestionAnswered? asked,
        out string error)
    {
        (asked, error) = (null, "");
        if (!root.TryGetProperty("candidate_question", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        var question = value.ValueKind == JsonValueKind.Object ? ModelReply.String(value, "question")?.Trim() : null;
        var outcome = value.ValueKind == JsonValueKind.Object ? ModelReply.String(value, "outcome") : null;
        if (string.IsNullOrEmpty(question) || !ModelReply.OutcomeNames.TryGetValue(outcome ?? "", out var result))
        {
            error = "candidate_question needs a question and an outcome of answered or passed_on";
            return false;
        }

        if (action == ActionType.AskFollowup)
        {
            error = "a candidate's question is not an answer to follow up on";
            return false;
        }

        if (result == QuestionOutcome.Answered && !(plan.About?.Facts() ?? []).Any(f => !string.IsNullOrWhiteSpace(f.Text)))
        {
            error = "a candidate question was answered, but the plan gives no facts to answer from";
            return false;
        }

        asked = new QuestionAnswered(question, result);
        return true;
    }
}
