using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Tests.Evaluation.Labelled;
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

    // "own" must not pick the sentence with "down"; a question to the interviewer is never the quote, even inside an answer.
    [Theory]
    [InlineData("The checkout service went down for 40 minutes on a Friday. I decided to own the incident end to end and wrote the " +
        "timeline.",
        "leadership", "I decided to own the incident end to end and wrote the timeline.")]
    [InlineData("What is the team like? I ask because at my last job I led a team of five, and we cut release time from 2 weeks to 2 days.",
        "collaboration", "I ask because at my last job I led a team of five, and we cut release time from 2 weeks to 2 days.")]
    public async Task Quote_is_the_statement_that_uses_the_keyword_as_a_word(string answer, string competency, string quote)
    {
        var score = (await ScoreAllAsync(Transcripts.Of(answer)))[competency];

        Assert.Equal(quote, Assert.Single(score.Evidence).Quote);
    }

    [Fact]
    public async Task Candidate_questions_pauses_and_minimal_answers_are_never_cited_for_any_competency()
    {
        // Turns 1, 3 and 5 answer bank questions on collaboration, so only their kind keeps them out.
        var transcript = new InterviewScript("exclusions", Band.Average)
            .Ask("beh-conflict", "What is the team like?")
            .Ask("beh-mentor", "let me think")
            .FollowUp("ok")
            .Ask("tech-design", Transcripts.StrongAnswers[0])
            .Ask("beh-ownership", Transcripts.StrongAnswers[2])
            .Done().Turns;

        var scores = await ScoreAllAsync(transcript);

        Assert.NotEmpty(scores["collaboration"].Evidence);
        Assert.All(scores.Values, s => Assert.DoesNotContain(s.Evidence, c => c.Turn is 1 or 3 or 5));
    }

    [Fact]
    public async Task Candidate_whose_every_answer_is_a_measured_story_in_ordinary_words_is_recommended_yes()
    {
        const string story = "When checkout latency doubled, I profiled it, found N+1 queries in the pricing service, batched them, " +
                             "and p95 dropped from 900 to 180 milliseconds in two days.";
        var script = new InterviewScript("one story", Band.Strong);
        string[] questions = ["intro-motivation", "tech-design", "tech-scale", "tech-debug", "tech-quality", "beh-conflict",
            "beh-ownership", "beh-failure"];
        foreach (var id in questions)
        {
            script.Ask(id, story);
        }

        var report = await RulesReports.BuildAsync(script.Done().Turns);

        Assert.Contains(report.Overall.Recommendation, new[] { "yes", "strong_yes" });
        Assert.InRange(report.Competencies.Single(c => c.Name == "problem_solving").Score, 4, 5);
    }

    [Fact]
    public async Task Rationale_says_why_the_score_was_given()
    {
        var transcript = Transcripts.Of(Transcripts.StrongAnswers[0]);

        var design = (await ScoreAllAsync(transcript))["system_design"];

        Assert.Equal(4, design.Score);
        Assert.Equal(
            "1 answer(s) touched system design (api, latency, database, cache); " +
            "the strongest gave a complete situation-action-result story with a measured result.",
            design.Rationale);
    }

    [Fact]
    public async Task Answers_that_instruct_the_evaluator_are_never_cited()
    {
        var transcript = Transcripts.Of([.. Transcripts.StrongAnswers, .. Transcripts.InjectionAnswers]);
        var injectionTurns = transcript.Select((t, i) => (t, i)).Where(x => Transcripts.InjectionAnswers.Contains(x.t.Content)).Select(x
            => x.i).ToList();

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

    // Found by the persona harness: an off-topic candidate scored 3 of 5, level with a vague one, on stories about bread and football.
    [Fact]
    public async Task An_answer_about_something_else_is_no_evidence_for_the_question_it_followed()
    {
        var design = TestPlans.Default.Phases.SelectMany(p => p.Questions).First(q => q.Competency == "system_design").Text;
        var offTopic = "This weekend I finally made sourdough bread from scratch, and the starter took nearly two weeks to get going.";
        var onTopic = "I split our payments monolith into three services and wrote tests for each of them, which took me four months.";

        var off = await ScoreAllAsync([Transcripts.Turn(Roles.Interviewer, design), Transcripts.Turn(Roles.Candidate, offTopic)]);
        var on = await ScoreAllAsync([Transcripts.Turn(Roles.Interviewer, design), Transcripts.Turn(Roles.Candidate, onTopic)]);

        Assert.Equal(1, off["system_design"].Score);
        Assert.True(on["system_design"].Score > 1, "an answer about work still counts for the question it answers");
    }

    [Fact]
    public async Task Interviewer_lines_are_not_evidence()
    {
        var transcript = new[] { Transcripts.Turn(Roles.Interviewer, Transcripts.StrongAnswers[0]),
            Transcripts.Turn(Roles.Candidate, Answers.Short) };

        var scores = await ScoreAllAsync(transcript);

        Assert.All(scores.Values, s => Assert.Equal(1, s.Score));
    }

    private static Task<Dictionary<string, CompetencyScore>> ScoreAllAsync(IReadOnlyList<ConversationTurn> transcript) =>
        RulesReports.ScoreAllAsync(transcript);
}
