using System.Net;
using Interview.Functions.Tests.Evaluation;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Security;

namespace Interview.Functions.Tests.Recruiter;

/// <summary>A person's review beside the AI's evaluation: checked, kept with its history, never written over the AI's scores.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReviewTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_review_before_the_evaluation_exists_is_a_conflict()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();
        await (await client.StartAsync("rev-early")).JsonAsync();

        var early = await client.SendAsync(RecruiterApp.Admin(HttpMethod.Post, "/manage/interviews/rev-early/review",
            new { decision = "advance", reviewer = "Sam" }));

        Assert.Equal("evaluation_not_ready", (string)(await early.ProblemAsync(HttpStatusCode.Conflict))["code"]!);
    }

    [Fact]
    public async Task Unknown_competencies_and_scores_out_of_range_are_all_listed_and_nothing_is_kept()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();
        await client.EvaluatedAsync("rev-bad");

        var bad = await client.SendAsync(RecruiterApp.Admin(HttpMethod.Post, "/manage/interviews/rev-bad/review", new
        {
            decision = "maybe",
            reviewer = "Sam",
            overrides = new[] { new { competency = "juggling", score = 3, reason = "x" },
                new { competency = "learning", score = 6, reason = "x" } },
        }));

        var problem = await bad.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_review", (string)problem["code"]!);
        var errors = problem["errors"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("juggling", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("1 to 5", StringComparison.Ordinal));
        Assert.Null((await (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Get,
            "/session/evaluation/rev-bad"))).JsonAsync())["human_review"]!["latest"]);
    }

    [Fact]
    public async Task The_report_shows_the_ai_scores_and_the_latest_review_side_by_side_with_its_history()
    {
        using var app = TokenApp.Create(azurite);
        var (candidate, _) = await app.CandidateAsync("rev-ok");
        await candidate.AnswerAndEndAsync("rev-ok", EvaluationApp.Strong);
        await candidate.ReportAsync("rev-ok");
        var recruiter = app.CreateClient();
        var before = await (await recruiter.SendAsync(RecruiterApp.Admin(HttpMethod.Get, "/session/evaluation/rev-ok"))).JsonAsync();
        var aiLearning = before["competencies"]!.AsArray().Single(c => (string)c!["name"]! == "learning")!;

        await (await recruiter.SendAsync(RecruiterApp.Admin(HttpMethod.Post, "/manage/interviews/rev-ok/review",
            new { decision = "hold", reviewer = "Sam", note = "Second opinion needed." }))).JsonAsync();
        var second = await (await recruiter.SendAsync(RecruiterApp.Admin(HttpMethod.Post, "/manage/interviews/rev-ok/review", new
        {
            decision = "advance",
            reviewer = "Alex",
            overrides = new[] { new { competency = "learning", score = 4, reason = "Described two postmortems in the debrief." } },
        }))).JsonAsync();
        var after = await (await recruiter.SendAsync(RecruiterApp.Admin(HttpMethod.Get, "/session/evaluation/rev-ok"))).JsonAsync();

        Assert.Equal(2, (int)second["reviews"]!);
        var review = after["human_review"]!;
        // The reviewer is who the credential names (here the development admin key), never the name the body gives.
        Assert.Equal(("advance", "admin key"),
            ((string)review["latest"]!["review"]!["decision"]!, (string)review["latest"]!["review"]!["reviewer"]!));
        Assert.Equal("admin-key", (string)review["latest"]!["reviewed_by"]!["object_id"]!);
        Assert.Equal(4, (int)review["latest"]!["review"]!["overrides"]![0]!["score"]!);
        Assert.Equal(["hold", "advance"], review["history"]!.AsArray().Select(h => (string)h!["review"]!["decision"]!));
        // The AI's scores stay as they were, and the candidate never sees the reviews.
        Assert.Equal(aiLearning.ToJsonString(),
            after["competencies"]!.AsArray().Single(c => (string)c!["name"]! == "learning")!.ToJsonString());
        Assert.Null((await (await candidate.GetAsync("/session/evaluation/rev-ok")).JsonAsync())["human_review"]);
    }
}
