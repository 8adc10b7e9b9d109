using System.Text.Json;
using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Llm;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Llm;

/// <summary>Well-formed model replies become a <see cref="BrainReply"/>, with soft problems repaired rather than rejected.</summary>
public sealed class ModelReplyTests
{
    // intro-background and tech-design are already asked in this state.
    private static readonly SessionState State = PromptStates.MidInterview(Answers.Detailed);

    [Fact]
    public void Valid_reply_becomes_a_brain_reply()
    {
        var reply = Parse(Json(action: "new_question", text: "  Thanks. How do you test your code?  ", nextPhase: "technical",
            questionId: "tech-quality"));

        Assert.Equal(new AgentAction(ActionType.NewQuestion, "Moving on", "technical"), reply.Action);
        Assert.Equal("Thanks. How do you test your code?", reply.Text);
        Assert.Equal("Thanks. How do you test your code?", reply.Question);
        Assert.Equal("tech-quality", reply.QuestionId);
    }

    [Theory]
    [InlineData("ask_followup", ActionType.AskFollowup)]
    [InlineData("new_question", ActionType.NewQuestion)]
    [InlineData("clarify", ActionType.Clarify)]
    [InlineData("conclude", ActionType.Conclude)]
    public void Every_action_name_maps_to_its_action(string name, ActionType expected) =>
        Assert.Equal(expected, Parse(Json(action: name)).Action.ActionType);

    [Fact]
    public void Topics_keep_only_competency_names_once_each()
    {
        var reply = Parse(Json(topics: ["system_design", "charisma", "leadership", "system_design", "System_Design"]));

        Assert.Equal(["system_design", "leadership"], reply.NewTopics);
    }

    [Fact]
    public void Insights_drop_empty_and_overlong_notes_and_keep_at_most_five()
    {
        string[] insights = ["  ", "Quantifies impact", new string('n', 201), "", "Owns incidents", "Mentors juniors", "Uses load tests",
            "Writes postmortems", "Sixth note"];

        var reply = Parse(Json(insights: insights));

        Assert.Equal(["Quantifies impact", "Owns incidents", "Mentors juniors", "Uses load tests", "Writes postmortems"],
            reply.NewInsights);
    }

    [Theory]
    [InlineData("tech-quality", "tech-quality")]
    [InlineData("tech-design", null)]
    [InlineData("tech-invented", null)]
    [InlineData(null, null)]
    public void Question_id_is_kept_only_for_an_unasked_bank_question(string? given, string? kept) =>
        Assert.Equal(kept, Parse(Json(questionId: given)).QuestionId);

    [Fact]
    public void Opening_accepts_a_new_question()
    {
        var ok = ModelReply.TryParse(Json(action: "new_question"), TestPlans.Default, PromptStates.Blank(), opening: true, out var reply,
            out var error);

        Assert.True(ok, error);
        Assert.Equal(ActionType.NewQuestion, reply.Action.ActionType);
    }

    private static BrainReply Parse(string json)
    {
        Assert.True(ModelReply.TryParse(json, TestPlans.Default, State, opening: false, out var reply, out var error), error);
        Assert.Equal("", error);
        return reply;
    }

    internal static string Json(
        string action = "new_question", string text = "Thanks. Next question?", string? nextPhase = null, string? questionId = null,
        string[]? topics = null, string[]? insights = null, object? candidateQuestion = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["candidate_question"] = candidateQuestion,
            ["action_type"] = action,
            ["reasoning"] = "Moving on",
            ["next_phase"] = nextPhase,
            ["question_id"] = questionId,
            ["text"] = text,
            ["topics_covered"] = topics ?? [],
            ["insights"] = insights ?? [],
        });
}
