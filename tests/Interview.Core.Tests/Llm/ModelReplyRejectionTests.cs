using Interview.Core.Llm;
using Interview.Core.Tests.TestDoubles;
using static Interview.Core.Tests.Llm.ModelReplyTests;

namespace Interview.Core.Tests.Llm;

/// <summary>Replies the agent cannot act on are refused with a reason that says what was wrong, for the logs and the retry.</summary>
public sealed class ModelReplyRejectionTests
{
    public static TheoryData<string?, string> Rejected => new()
    {
        { "this is not json", "not valid JSON" },
        { "{\"action_type\": \"conclude\"", "not valid JSON" },
        { "", "not valid JSON" },
        { null, "not valid JSON" },
        { "[" + Json() + "]", "not a JSON object" },
        { "\"new_question\"", "not a JSON object" },
        { Json(action: "hire_candidate"), "unknown action_type 'hire_candidate'" },
        { Json(action: "NEW_QUESTION"), "unknown action_type 'NEW_QUESTION'" },
        { "{\"text\": \"Hello?\"}", "unknown action_type ''" },
        { Json(nextPhase: "small-talk"), "next_phase 'small-talk' is not a phase of plan 'software-engineer'" },
        { Json(nextPhase: "intro"), "next_phase 'intro' goes back from 'technical'" },
        { Json(text: ""), "text was empty" },
        { Json(text: " \n\t "), "text was empty" },
        { Json(text: new string('a', ModelReply.MaxTextChars + 1)), $"text was longer than {ModelReply.MaxTextChars} characters" },
        { Json(text: "tell me about a system you  designed."), "the question was asked before" },
    };

    [Fact]
    public void A_question_past_the_plan_budget_is_refused_and_a_conclusion_accepted()
    {
        var spent = PromptStates.MidInterview(Answers.Detailed) with { QuestionsAsked = TestPlans.Default.MaxQuestions };

        Assert.False(ModelReply.TryParse(Json(), TestPlans.Default, spent, opening: false, out _, out var error));
        Assert.Contains("must conclude", error, StringComparison.Ordinal);
        Assert.True(ModelReply.TryParse(Json(action: "conclude", text: "Thank you, that is all."), TestPlans.Default, spent, opening: false,
            out _, out _));
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Unusable_reply_is_refused_with_a_reason(string? json, string reason)
    {
        var ok = ModelReply.TryParse(json, TestPlans.Default, PromptStates.MidInterview(Answers.Detailed), opening: false, out _,
            out var error);

        Assert.False(ok);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_of_exactly_the_limit_is_accepted()
    {
        var json = Json(text: new string('a', ModelReply.MaxTextChars));

        Assert.True(ModelReply.TryParse(json, TestPlans.Default, PromptStates.MidInterview(Answers.Detailed), opening: false, out _,
            out var error), error);
    }

    [Theory]
    [InlineData("ask_followup")]
    [InlineData("clarify")]
    [InlineData("conclude")]
    public void Opening_must_be_a_new_question(string action)
    {
        var ok = ModelReply.TryParse(Json(action: action), TestPlans.Default, PromptStates.Blank(), opening: true, out _, out var error);

        Assert.False(ok);
        Assert.Equal("the opening must be a new_question", error);
    }
}
