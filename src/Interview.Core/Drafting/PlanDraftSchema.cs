using System.Text.Json.Nodes;
using Interview.Core.Plans;

namespace Interview.Core.Drafting;

/// <summary>
/// The strict JSON schema of a plan draft: the plan's own JSON shape (<see cref="PlanJson"/>) without locale, voice and
/// silence_seconds, which are not the model's to choose. Strict mode needs every property required and no extras, so "absent" is null.
/// Phase names are an enum: a draft has intro, technical or skills, behavioral and closing.
/// </summary>
public static class PlanDraftSchema
{
    public const string Name = "plan_draft";

    public static IReadOnlyList<string> PhaseNames { get; } = ["intro", "technical", "skills", "behavioral", "closing"];

    public static string Json { get; } = Object(
        ("id", Type("string")),
        ("role", Type("string")),
        ("competencies", Array(Object(("name", Type("string")), ("description", Type("string")), ("keywords", Array(Type("string")))))),
        ("phases", Array(Object(
            ("name", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. PhaseNames.Select(n => JsonValue.Create(n))]) }),
            ("transition", Type("string")),
            ("max_questions", Type("integer")),
            ("allow_followups", Type("boolean")),
            ("questions", Array(Object(("id", Type("string")), ("text", Type("string")), ("competency", Nullable("string")))))))),
        ("max_questions", Type("integer")),
        ("max_followups_per_question", Type("integer")),
        ("min_answer_words", Type("integer")),
        ("closing_remark", Type("string")),
        ("vocabulary", Array(Type("string"))),
        ("about", Object(("role", Nullable("string")), ("team", Nullable("string")), ("process", Nullable("string")),
            ("next_steps", Nullable("string")), ("location", Nullable("string")))))
        .ToJsonString();

    private static JsonObject Type(string type) => new() { ["type"] = type };

    private static JsonObject Nullable(string type) => new() { ["type"] = new JsonArray(type, "null") };

    private static JsonObject Array(JsonObject items) => new() { ["type"] = "array", ["items"] = items };

    private static JsonObject Object(params (string Name, JsonObject Schema)[] properties) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.Schema))),
        ["required"] = new JsonArray([.. properties.Select(p => JsonValue.Create(p.Name))]),
        ["additionalProperties"] = false,
    };
}
