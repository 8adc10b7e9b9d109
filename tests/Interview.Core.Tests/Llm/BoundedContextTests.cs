using Interview.Core.Domain;
using Interview.Core.Llm;

namespace Interview.Core.Tests.Llm;

/// <summary>
/// The prompt must not grow with the interview: old utterances fall out of the verbatim window and are
/// summarized by topics and notes. Sizes are measured on real rules-brain interviews, not on hand-built states.
/// </summary>
public sealed class BoundedContextTests
{
    private const string EarlyMarker = "Quetzalcoatl-ledger-migration";
    private const string RecentMarker = "Okapi-search-rewrite";

    [Fact]
    public async Task Only_the_last_recent_turns_before_the_answer_appear_verbatim()
    {
        var heard = (await LongInterview.HeardAtAsync([30], Marked))[30];

        var user = InterviewPrompt.ForTurn(LongInterview.Plan, heard, heard.ConversationHistory[^1].Content).User;

        Assert.DoesNotContain(EarlyMarker, user, StringComparison.Ordinal);
        Assert.Contains($"[{Roles.Candidate}] {RecentMarker}", user, StringComparison.Ordinal);
        var transcript = user[user.IndexOf("<transcript>", StringComparison.Ordinal)..user.IndexOf("</transcript>",
            StringComparison.Ordinal)];
        Assert.Equal(InterviewPrompt.RecentTurns, transcript.Split('\n').Count(l => l.StartsWith('[')));
        Assert.Contains($"earlier conversation: {heard.ConversationHistory.Count - 1 - InterviewPrompt.RecentTurns} older utterances", user,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompt_at_turn_60_is_at_most_a_quarter_larger_than_at_turn_10()
    {
        var heard = await LongInterview.HeardAtAsync([10, 20, 40, 60]);

        var sizes = heard.ToDictionary(h => h.Key, h
            => InterviewPrompt.ForTurn(LongInterview.Plan, h.Value, h.Value.ConversationHistory[^1].Content).Length);

        Assert.Equal(60, heard[60].ConversationHistory.Count(t => t.Role == Roles.Candidate));
        Assert.All(sizes.Values, size => Assert.True(size <= 1.25 * sizes[10], $"Prompt sizes by turn: {string.Join(", ", sizes)}"));
    }

    // The first answer carries a marker that must be gone by turn 30; answer 28 carries one that must still be there.
    private static string Marked(int turn) => turn switch
    {
        1 => $"{EarlyMarker}: at my last job I led a ledger migration of 3 million rows with zero downtime.",
        28 => $"{RecentMarker}: I rewrote our search indexer, which cut indexing time from 40 minutes to 6.",
        _ => LongInterview.AnswerFor(turn),
    };
}
