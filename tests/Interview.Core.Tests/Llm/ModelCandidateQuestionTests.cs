using System.Text.Json;
using Interview.Core.Domain;
using Interview.Core.Llm;
using Interview.Core.Plans;
using Interview.Core.Tests.TestDoubles;
using static Interview.Core.Tests.Llm.ModelReplyTests;

namespace Interview.Core.Tests.Llm;

/// <summary>
/// The model brain's side of candidate questions: the facts in its prompt, the field in its schema, and the checks on its reply.
/// </summary>
public sealed class ModelCandidateQuestionTests
{
    private static readonly InterviewPlan Plan = TestPlans.Default with
    {
        About = new PlanAbout(Team: "Five engineers and a designer.", Location: "Hybrid, in Lisbon."),
    };

    private static readonly SessionState State = PromptStates.MidInterview("What is the team like?");

    [Fact]
    public void The_system_prompt_carries_the_plans_facts_and_the_rule_for_candidate_questions()
    {
        var prompt = SystemPrompt.For(Plan);

        Assert.Contains("ABOUT THE JOB", prompt, StringComparison.Ordinal);
        Assert.Contains("- team: Five engineers and a designer.", prompt, StringComparison.Ordinal);
        Assert.Contains("- location: Hybrid, in Lisbon.", prompt, StringComparison.Ordinal);
        Assert.Contains("never invent facts", prompt, StringComparison.Ordinal);
        Assert.Contains("candidate_question", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("- process:", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_facts_the_prompt_says_every_question_is_passed_on()
    {
        var prompt = SystemPrompt.For(TestPlans.Default with { About = null });

        Assert.Contains("no facts were given: pass every question on", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_has_a_strict_nullable_candidate_question_with_the_two_outcomes()
    {
        using var schema = JsonDocument.Parse(ReplySchema.For(Plan));
        var field = schema.RootElement.GetProperty("properties").GetProperty("candidate_question");

        Assert.Equal(["object", "null"], field.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(JsonValueKind.False, field.GetProperty("additionalProperties").ValueKind);
        Assert.Equal(["question", "outcome"], field.GetProperty("required").EnumerateArray().Select(t => t.GetString()));
        var outcomes = field.GetProperty("properties").GetProperty("outcome").GetProperty("enum").EnumerateArray().Select(t
            => t.GetString());
        Assert.Equal(["answered", "passed_on"], outcomes);
    }

    [Theory]
    [InlineData("answered", QuestionOutcome.Answered)]
    [InlineData("passed_on", QuestionOutcome.PassedOn)]
    public void A_reported_question_is_carried_to_the_state(string outcome, QuestionOutcome expected)
    {
        var json = Json(action: "clarify", text: "Five engineers and a designer. Back to my question?",
            candidateQuestion: new { question = " What is the team like? ", outcome });

        Assert.True(ModelReply.TryParse(json, Plan, State, opening: false, out var reply, out var error), error);

        var asked = Assert.Single(reply.CandidateQuestions!);
        Assert.Equal(("What is the team like?", expected), (asked.Question, asked.Outcome));
    }

    [Fact]
    public void No_question_reported_is_null()
    {
        Assert.True(ModelReply.TryParse(Json(), Plan, State, opening: false, out var reply, out _));
        Assert.Null(reply.CandidateQuestions);
    }

    public static TheoryData<string, InterviewPlan, string> Refused => new()
    {
        { Json(action: "clarify", candidateQuestion: new { question = "", outcome = "answered" }), Plan,
            "needs a question and an outcome" },
        { Json(action: "clarify", candidateQuestion: new { question = "Team?", outcome = "maybe" }), Plan,
            "needs a question and an outcome" },
        { Json(action: "clarify", candidateQuestion: "Team?"), Plan, "needs a question and an outcome" },
        { Json(action: "ask_followup", text: "Say more?", candidateQuestion: new { question = "Team?", outcome = "answered" }), Plan,
            "not an answer to follow up on" },
        { Json(action: "clarify", candidateQuestion: new { question = "Team?", outcome = "answered" }), TestPlans.Default
            with { About = null }, "no facts to answer from" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_malformed_or_impossible_candidate_question_refuses_the_reply(string json, InterviewPlan plan, string reason)
    {
        Assert.False(ModelReply.TryParse(json, plan, State, opening: false, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
