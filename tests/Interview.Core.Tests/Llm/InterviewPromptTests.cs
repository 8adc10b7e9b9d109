using Interview.Core.Llm;
using Interview.Core.Plans;
using Interview.Core.Tests.TestDoubles;
using static Interview.Core.Tests.Llm.PromptText;

namespace Interview.Core.Tests.Llm;

public sealed class InterviewPromptTests
{
    private static readonly InterviewPlan Plan = TestPlans.Default;

    [Fact]
    public void Turn_puts_the_answer_inside_one_candidate_answer_fence()
    {
        var user = ForTurn(Answers.Detailed);

        Assert.Equal(1, Count(user, "<candidate_answer>"));
        Assert.Equal(1, Count(user, "</candidate_answer>"));
        Assert.Contains($"<candidate_answer>\n{Answers.Detailed}\n</candidate_answer>", user, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_long_answer_is_capped_with_a_marker()
    {
        var answer = new string('x', InterviewPrompt.MaxTurnChars * 3);

        var fenced = FencedAnswer(ForTurn(answer));

        Assert.Equal(new string('x', InterviewPrompt.MaxTurnChars) + " […]", fenced);
    }

    [Fact]
    public void Empty_answer_is_described_not_left_blank()
    {
        var fenced = FencedAnswer(ForTurn("   "));

        Assert.Equal("(no answer: silence or nothing typed)", fenced);
    }

    [Theory]
    [InlineData("- current phase: technical (2 of 4 primary questions asked in this phase; follow-ups allowed)")]
    [InlineData("- questions asked overall, follow-ups included: 5 of 16")]
    [InlineData("- follow-ups in a row on the current question: 1 of at most 1")]
    [InlineData("- clarifications in a row: 0")]
    [InlineData("- bank questions already asked: intro-background; tech-design")]
    [InlineData("- topics covered so far: system_design")]
    [InlineData("- notes so far (latest 12): Mentions caching layers")]
    [InlineData("- candidate: Ada; role: Software Engineer")]
    public void Status_lines_show_where_the_interview_stands(string line) =>
        Assert.Contains(line + "\n", ForTurn(Answers.Detailed), StringComparison.Ordinal);

    [Fact]
    public void Opening_gives_name_and_role_as_fenced_details_and_asks_for_the_first_phase()
    {
        var user = InterviewPrompt.ForOpening(Plan, PromptStates.Blank("Ada <admin>", "Platform Engineer")).User;

        Assert.Contains("<candidate_details>\nname: Ada ‹admin›\nrole: Platform Engineer\n</candidate_details>", user,
            StringComparison.Ordinal);
        Assert.Contains("ask the first question of the 'intro' phase", user, StringComparison.Ordinal);
        Assert.Contains("action_type new_question", user, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_without_a_name_says_so()
    {
        var user = InterviewPrompt.ForOpening(Plan, PromptStates.Blank(candidateName: null)).User;

        Assert.Contains("name: (not given)", user, StringComparison.Ordinal);
    }

    private static string ForTurn(string answer) => InterviewPrompt.ForTurn(Plan, PromptStates.MidInterview(answer), answer).User;
}
