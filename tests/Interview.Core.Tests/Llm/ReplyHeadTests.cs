using System.Text.Json.Nodes;
using Interview.Core.Domain;
using Interview.Core.Llm;
using Interview.Core.Tests.TestDoubles;
using static Interview.Core.Tests.Llm.ModelReplyTests;

namespace Interview.Core.Tests.Llm;

/// <summary>
/// A streamed reply judged when its text closes: the fields before <c>text</c> decide exactly as the whole reply
/// would, so speaking the last sentence early never speaks a line the whole reply would have refused.
/// </summary>
public sealed class ReplyHeadTests
{
    private static readonly SessionState State = PromptStates.MidInterview(Answers.Detailed);

    public static TheoryData<string> Replies => new()
    {
        Json(),
        Json(action: "ask_followup", text: "What did you measure?"),
        Json(action: "conclude", text: "Thank you, that is all from me."),
        Json(nextPhase: "technical", questionId: "tech-quality"),
        Json(action: "hire_candidate"),
        Json(nextPhase: "small-talk"),
        Json(nextPhase: "intro"),
        Json(text: " \n\t "),
        Json(text: new string('a', ModelReply.MaxTextChars + 1)),
        Json(text: "tell me about a system you  designed."),
        Json(action: "ask_followup", candidateQuestion: new { question = "Is the team remote?", outcome = "passed_on" }),
        Json(action: "new_question", candidateQuestion: new { question = "Is the team remote?", outcome = "shrugged" }),
        Json(action: "new_question", candidateQuestion: new { question = "Is the team remote?", outcome = "passed_on" }),
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void The_head_decides_as_the_whole_reply_does(string json)
    {
        var ordered = Ordered(json);
        var whole = ModelReply.TryParse(ordered, TestPlans.Default, State, opening: false, out _, out var wholeError);

        var head = ModelReply.TryAcceptHead(Head(ordered), TestPlans.Default, State, opening: false, out var headError);

        Assert.Equal((whole, wholeError), (head, headError));
    }

    [Fact]
    public void A_head_missing_a_checked_field_is_not_judged()
    {
        // The old order: the words came second and the phase after them.
        const string head = """{"action_type":"new_question","text":"Thanks. Next question?""" + "\"";

        Assert.False(ModelReply.TryAcceptHead(head, TestPlans.Default, State, opening: false, out var error));
        Assert.Equal("next_phase does not come before text", error);
    }

    [Fact]
    public void Schema_lists_the_checked_fields_then_text_then_the_notes() =>
        Assert.Equal(["action_type", "next_phase", "question_id", "candidate_question", "text", "reasoning", "topics_covered", "insights"],
            ReplySchema.Order);

    /// <summary>The reply in the schema's order.</summary>
    internal static string Ordered(string json)
    {
        var given = JsonNode.Parse(json)!.AsObject();
        var ordered = new JsonObject();
        foreach (var name in ReplySchema.Order)
        {
            ordered[name] = given[name]?.DeepClone();
        }

        return ordered.ToJsonString();
    }

    /// <summary>The reply up to and including the closing quote of its text.</summary>
    internal static string Head(string ordered) => ordered[..ordered.IndexOf(",\"reasoning\":", StringComparison.Ordinal)];
}
