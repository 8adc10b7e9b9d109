using System.Net;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Recruiter;

/// <summary>GET /manage/calibration over stored evaluations and reviews: the latest review of each, against its version.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CalibrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Reviews_are_compared_with_the_scores_they_were_about()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();
        var report = await client.EvaluatedAsync("cal-1");
        await client.EvaluatedAsync("cal-2");
        await client.EvaluatedAsync("cal-3"); // never reviewed: not counted
        var competency = report["competencies"]![0]!;
        var (name, ai) = ((string)competency["name"]!, (int)competency["score"]!);
        var lowered = ai > 2 ? ai - 2 : ai + 2;
        await ReviewAsync(client, "cal-1", new { decision = "advance" }); // first thoughts, replaced by the next review
        var overrides = new[] { new { competency = name, score = lowered, reason = "thin" } };
        await ReviewAsync(client, "cal-1", new { decision = "hold", overrides });
        await ReviewAsync(client, "cal-2", new { decision = "advance" });

        var calibration = await (await client.SendAsync(
            RecruiterApp.Admin(HttpMethod.Get, "/manage/calibration?plan_id=software-engineer"))).JsonAsync();

        Assert.Equal(2, (int)calibration["reviewed"]!);
        Assert.True((bool)calibration["small_sample"]!);
        var agreement = calibration["competencies"]!.AsArray().Single(c => (string)c!["competency"]! == name)!;
        Assert.Equal(0.5, (double)agreement["exact_agreement"]!);
        Assert.Equal(1.0, (double)agreement["mean_absolute_difference"]!); // |ai - lowered| = 2, over two reviews
        var others = calibration["competencies"]!.AsArray().Where(c => (string)c!["competency"]! != name);
        Assert.All(others, c => Assert.Equal(1.0, (double)c!["exact_agreement"]!)); // no override: agreement
        var recommendation = (string)report["overall"]!["recommendation"]!;
        var cells = calibration["recommendations"]!.AsArray();
        Assert.Equal(2, cells.Sum(c => (int)c!["count"]!));
        var held = cells.Single(c => (string)c!["recommendation"]! == recommendation && (string)c["decision"]! == "hold")!;
        Assert.Equal(1, (int)held["count"]!);
    }

    [Fact]
    public async Task A_window_with_no_interviews_has_nothing_reviewed_and_bad_filters_are_refused()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();

        var empty = await (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Get, "/manage/calibration?from=2099-01-01"))).JsonAsync();
        var bad = await client.SendAsync(RecruiterApp.Admin(HttpMethod.Get, "/manage/calibration?from=yesterday"));

        Assert.Equal(0, (int)empty["reviewed"]!);
        Assert.Null(empty["overall"]!["exact_agreement"]);
        Assert.Equal("invalid_field", (string)(await bad.ProblemAsync(HttpStatusCode.BadRequest))["code"]!);
    }

    private static async Task ReviewAsync(HttpClient client, string id, object review) =>
        await (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Post, $"/manage/interviews/{id}/review", review))).JsonAsync();
}
