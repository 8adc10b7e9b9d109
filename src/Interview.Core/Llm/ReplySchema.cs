using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Interview.Core.Plans;

namespace Interview.Core.Llm;

/// <summary>
/// The strict JSON schema a model reply must follow, with the plan's phases and competencies as enums.
/// Strict mode needs every property required and no extras; "may be absent" is expressed as null. A model writes the
/// properties in this order: first what the checks need (<see cref="BeforeText"/>, a few tokens), then the spoken
/// <c>text</c>, then the notes. So a streamed turn can speak its last sentence as soon as the text closes, when the
/// fields before it are valid, instead of waiting for the reasoning and bookkeeping (most of the reply's tokens).
/// </summary>
public static class ReplySchema
{
    public const string Name = "interviewer_turn";

    /// <summary>The fields <see cref="ModelReply"/> needs to accept or reject a reply, written before <c>text</c>.</summary>
    public static readonly IReadOnlyList<string> BeforeText = ["action_type", "next_phase", "question_id", "candidate_question"];

    /// <summary>Every property in the order the model writes it.</summary>
    public static readonly IReadOnlyList<string> Order = [.. BeforeText, "text", "reasoning", "topics_covered", "insights"];

    private static readonly ConcurrentDictionary<InterviewPlan, string> Cache = new();

    public static string For(InterviewPlan plan) => Cache.GetOrAdd(plan, Build);

    private static string Build(InterviewPlan plan)
    {
        static JsonArray Strings(IEnumerable<string?> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["action_type"] = new JsonObject { ["type"] = "string", ["enum"] = Strings(ModelReply.ActionNames.Keys) },
                ["next_phase"] = new JsonObject { ["type"] = new JsonArray("string", "null"),
                    ["enum"] = Strings([.. plan.Phases.Select(p => p.Name), null]) },
                ["question_id"] = new JsonObject { ["type"] = new JsonArray("string", "null"),
                    ["description"] = "The id of the bank question asked, if any." },
                ["candidate_question"] = new JsonObject
                {
                    ["type"] = new JsonArray("object", "null"),
                    ["description"] = "The candidate's own question in their latest turn, verbatim, and how you dealt with it; null when " +
                        "they asked none.",
                    ["properties"] = new JsonObject
                    {
                        ["question"] = new JsonObject { ["type"] = "string" },
                        ["outcome"] = new JsonObject { ["type"] = "string", ["enum"] = Strings(ModelReply.OutcomeNames.Keys) },
                    },
                    ["required"] = Strings(["question", "outcome"]),
                    ["additionalProperties"] = false,
                },
                ["text"] = new JsonObject { ["type"] = "string", ["description"] = "What the interviewer says next." },
                ["reasoning"] = new JsonObject { ["type"] = "string",
                    ["description"] = "Why this action, in one sentence. Not shown to the candidate." },
                ["topics_covered"] = new JsonObject { ["type"] = "array",
                    ["items"] = new JsonObject { ["type"] = "string", ["enum"] = Strings(plan.Competencies.Select(c => c.Name)) } },
                ["insights"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            },
            ["required"] = Strings(Order),
            ["additionalProperties"] = false,
        };
        return schema.ToJsonString();
    }
}
