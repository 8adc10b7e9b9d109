using System.Text.Json;
using Interview.Core.Llm;
using Interview.Core.Plans;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Llm;

/// <summary>Strict structured output rejects a schema with optional or extra properties, so these are checked on the built text.</summary>
public sealed class ReplySchemaTests
{
    private static readonly InterviewPlan Plan = TestPlans.Default;
    private static readonly JsonElement Schema = JsonDocument.Parse(ReplySchema.For(Plan)).RootElement.Clone();
    private static readonly JsonElement Properties = Schema.GetProperty("properties");

    [Fact]
    public void Is_a_closed_object()
    {
        Assert.Equal("object", Schema.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.False, Schema.GetProperty("additionalProperties").ValueKind);
    }

    [Fact]
    public void Requires_every_property_it_lists()
    {
        var properties = Properties.EnumerateObject().Select(p => p.Name).Order().ToList();
        var required = Schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Order().ToList();

        Assert.Equal(properties, required);
        Assert.Equal(["action_type", "candidate_question", "insights", "next_phase", "question_id", "reasoning", "text", "topics_covered"],
            properties);
    }

    [Fact]
    public void Lists_what_the_checks_need_before_the_text_and_the_notes_after_it() =>
        Assert.Equal(
            ["action_type", "next_phase", "question_id", "candidate_question", "text", "reasoning", "topics_covered", "insights"],
            Properties.EnumerateObject().Select(p => p.Name));

    [Fact]
    public void Action_type_is_exactly_the_four_actions() =>
        Assert.Equal(["ask_followup", "clarify", "conclude", "new_question"], Enum(Properties.GetProperty("action_type")).Order());

    [Fact]
    public void Next_phase_is_a_plan_phase_or_null() =>
        Assert.Equal([.. Plan.Phases.Select(p => p.Name), null], Enum(Properties.GetProperty("next_phase")));

    [Fact]
    public void Topics_are_the_plan_competencies() =>
        Assert.Equal(Plan.Competencies.Select(c => c.Name), Enum(Properties.GetProperty("topics_covered").GetProperty("items")));

    [Fact]
    public void Lists_the_plan_it_was_built_for()
    {
        var other = TestPlans.Small();

        Assert.Contains("\"design\"", ReplySchema.For(other), StringComparison.Ordinal);
        Assert.DoesNotContain("\"design\"", ReplySchema.For(Plan), StringComparison.Ordinal);
    }

    private static List<string?> Enum(JsonElement property) =>
        [.. property.GetProperty("enum").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString())];
}
