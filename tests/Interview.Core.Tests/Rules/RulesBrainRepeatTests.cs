using Interview.Core.Domain;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Rules;

/// <summary>
/// The persona harness (tools/Interview.Personas) found the rules interviewer saying "Could you give me one specific
/// example..." to a vague candidate again and again: two wordings per probe, picked by the turn number. No line that
/// asks something may be one already said, which is also what ModelReply refuses from a model.
/// </summary>
public sealed class RulesBrainRepeatTests
{
    [Theory]
    [InlineData(Answers.Vague)]
    [InlineData(Answers.Short)]
    public async Task A_candidate_who_never_gets_specific_hears_no_question_or_followup_twice(string answer)
    {
        var run = await RulesRun.StartAsync();

        await run.AnswerUntilAsync(s => s.Status != SessionStatus.Active, answer);

        var asking = run.State.ConversationHistory
            .Where(t => t.Role == Roles.Interviewer && t.ActionType is ActionType.NewQuestion or ActionType.AskFollowup)
            .Select(t => t.Content).ToList();
        Assert.True(asking.Count > run.State.Progress.AskedQuestionIds.Count, "the interviewer should still probe such answers");
        Assert.Equal(asking.Count, asking.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
