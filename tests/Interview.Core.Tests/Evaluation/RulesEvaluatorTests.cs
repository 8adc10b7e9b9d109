using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Evaluation;

public sealed class RulesEvaluatorTests
{
    private static readonly string[] Covered = ["system_design", "coding_practices", "problem_solving", "collaboration", "leadership"];

    [Fact]
    public async Task Strong_detailed_answers_score_four_or_five_on_the_competencies_they_cover()
    {
        var scores = await ScoreAllAsync(Transcripts.Of(Transcripts.StrongAnswers));

        Assert.All(Covered, name => Assert.InRange(scores[name].Score, 4, 5));
        Assert.All(Covered, name => Assert.NotEmpty(scores[name].Evidence));
    }

    [Fact]
    public async Task Competency_never_mentioned_scores_one_with_no_evidence()
    {
        var learning = (await ScoreAllAsync(Transcripts.Of(Transcripts.StrongAnswers)))["learning"];

        Assert.Equal(1, learning.Score);
        Assert.Empty(learning.Evidence);
    }

    [Fact]
    public async Task Vague_short_answers_score_two_at_most()
    {
        var scores = await ScoreAllAsync(Transcripts.Of(Transcripts.VagueAnswers));

        Assert.All(scores.Values, s => Assert.InRange(s.Score, 1, 2));
    }

    [Fact]
    public async Task Every_quote_is_verbatim_from_the_candidate_turn_it_cites()
    {
        var transcript = Transcripts.Of([.. Transcripts.StrongAnswers, .. Transcripts.VagueAnswers]);

        var citations = (await ScoreAllAsync(transcript)).Values.SelectMany(s => s.Evidence).ToList();

        Assert.NotEmpty(citations);
        Assert.All(citations, c =>
        {
            Assert.Equal(Roles.Candidate, transcript[c.Turn].Role);
            Assert.Contains(c.Quote, transcript[c.Turn].Content, StringComparison.Ordinal);
        });
    }

    // Fails today: Sentence() finds the keyword with a plain substring search, so "own" picks the sentence with "down"
    // (and "led" would pick "called" or "handled"). Fix in src/Interview.Core/Evaluation/RulesEvaluator.cs, Sentence:
    // match the mention at word boundaries, e.g. Regex.IsMatch(s, $@"\b{Regex.Escape(mention)}\b", IgnoreCase).
    [Fact]
    public async Task Quote_is_the_sentence_that_uses_the_keyword_as_a_word()
    {
        var transcript = Transcripts.Of("The checkout service went down for 40 minutes on a Friday. I decided to own the incident end to end and wrote the timeline.");

        var leadership = (await ScoreAllAsync(transcript))["leadership"];

        Assert.Equal("I decided to own the incident end to end and wrote the timeline.", Assert.Single(leadership.Evidence).Quote);
    }

    [Fact]
    public async Task Answers_that_instruct_the_evaluator_are_never_cited()
    {
        var transcript = Transcripts.Of([.. Transcripts.StrongAnswers, .. Transcripts.InjectionAnswers]);
        var injectionTurns = transcript.Select((t, i) => (t, i)).Where(x => Transcripts.InjectionAnswers.Contains(x.t.Content)).Select(x => x.i).ToList();

        var cited = (await ScoreAllAsync(transcript)).Values.SelectMany(s => s.Evidence).Select(c => c.Turn);

        Assert.Equal(2, injectionTurns.Count);
        Assert.Empty(cited.Intersect(injectionTurns));
    }

    [Fact]
    public async Task Answers_that_instruct_the_evaluator_never_raise_a_score()
    {
        var vague = await ScoreAllAsync(Transcripts.Of(Transcripts.VagueAnswers));

        var withInjections = await ScoreAllAsync(Transcripts.Of([.. Transcripts.VagueAnswers, .. Transcripts.InjectionAnswers]));

        Assert.All(vague, pair => Assert.Equal(pair.Value.Score, withInjections[pair.Key].Score));
    }

    [Fact]
    public async Task Transcript_of_only_instruction_attempts_scores_one_everywhere_despite_keywords()
    {
        var scores = await ScoreAllAsync(Transcripts.Of(Transcripts.InjectionAnswers));

        Assert.All(scores.Values, s =>
        {
            Assert.Equal(1, s.Score);
            Assert.Empty(s.Evidence);
        });
    }

    [Fact]
    public async Task Interviewer_lines_are_not_evidence()
    {
        var transcript = new[] { Transcripts.Turn(Roles.Interviewer, Transcripts.StrongAnswers[0]), Transcripts.Turn(Roles.Candidate, Answers.Short) };

        var scores = await ScoreAllAsync(transcript);

        Assert.All(scores.Values, s => Assert.Equal(1, s.Score));
    }

    private static async Task<Dictionary<string, CompetencyScore>> ScoreAllAsync(IReadOnlyList<ConversationTurn> transcript)
    {
        var evaluator = new RulesEvaluator();
        var scores = new Dictionary<string, CompetencyScore>();
        foreach (var competency in TestPlans.Default.Competencies)
        {
            scores[competency.Name] = await evaluator.ScoreAsync(TestPlans.Default, competency, transcript, CancellationToken.None);
        }

        return scores;
    }
}
