using System.Text.Json;

namespace Interview.Core.Plans;

/// <summary>
/// The one JSON shape of a plan (snake_case), for the embedded plans, plans posted by recruiters and drafts a model
/// writes. Missing required properties and nulls where the record has none are errors, not silent defaults.
/// </summary>
public static class PlanJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <exception cref="JsonException">The text is not a plan.</exception>
    public static InterviewPlan Parse(string json) =>
        JsonSerializer.Deserialize<InterviewPlan>(json, Options) ?? throw new JsonException("The plan is null.");

    public static InterviewPlan Read(Stream utf8Json) =>
        JsonSerializer.Deserialize<InterviewPlan>(utf8Json, Options) ?? throw new JsonException("The plan is null.");

    public static string Write(InterviewPlan plan) => JsonSerializer.Serialize(plan, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
