using System.Net;
using Interview.Functions.Recruiter;
using Interview.Functions.Tests.Evaluation;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Sessions;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Recruiter;

/// <summary>Erasure on request and by retention: nothing of the interview remains, checked in Azurite, not through the API.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ErasureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Erasing_an_interview_leaves_nothing_in_tables_blobs_or_the_task_hub_and_can_be_repeated()
    {
        using var app = StreamingApp.Create(azurite, new CountingVoice());
        var client = app.CreateClient();
        await (await client.StartAsync("erase-1", new { candidate_name = "Grace" })).JsonAsync();
        var spoken = await (await client.SpeakAsync("erase-1", TestAudio.Wav())).JsonAsync();
        await client.InterviewAndEndAsync("erase-1-b", EvaluationApp.Strong); // another interview, which must stay
        await (await client.DeleteAsync("/session/state/erase-1")).JsonAsync(HttpStatusCode.Accepted);
        await client.ReportAsync("erase-1");
        await (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Post, "/manage/interviews/erase-1/review", new { decision = "reject", reviewer = "Sam" }))).JsonAsync();
        var recording = (string)spoken["session_state"]!["conversation_history"]![1]!["audio_url"]!;
        Assert.NotEqual((0, 0, 0), await app.StoredAsync("erase-1"));

        var erased = await client.SendAsync(RecruiterApp.Admin(HttpMethod.Delete, "/manage/interviews/erase-1"));
        var again = await client.SendAsync(RecruiterApp.Admin(HttpMethod.Delete, "/manage/interviews/erase-1"));

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (erased.StatusCode, again.StatusCode));
        Assert.Equal((0, 0, 0), await app.StoredAsync("erase-1"));
        Assert.Empty(await app.InstancesAsync("erase-1-v"));
        foreach (var path in new[] { "/session/state/erase-1", "/session/evaluation/erase-1" })
        {
            await (await client.GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);
        }

        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(recording)).StatusCode);
        Assert.DoesNotContain((await client.ListAsync())["items"]!.AsArray(), i => (string)i!["interview_id"]! == "erase-1");
        Assert.NotEqual(0, (await app.StoredAsync("erase-1-b")).Rows);
    }

    [Fact]
    public async Task Retention_erases_only_interviews_over_for_longer_than_it_keeps_them()
    {
        using var app = new InterviewApp(azurite, settings: new Dictionary<string, string> { ["Retention:Days"] = "30" });
        var client = app.CreateClient();
        foreach (var id in new[] { "keep-running", "keep-recent", "expire-old" })
        {
            await (await client.StartAsync(id)).JsonAsync();
        }

        await (await client.DeleteAsync("/session/state/keep-recent")).JsonAsync(HttpStatusCode.Accepted);
        await (await client.DeleteAsync("/session/state/expire-old")).JsonAsync(HttpStatusCode.Accepted);
        await AgeAsync(app, "expire-old", TimeSpan.FromDays(31));
        await AgeAsync(app, "keep-running", TimeSpan.FromDays(31)); // old, but still running: never erased by retention

        var erased = await app.Services.GetRequiredService<Retention>().EraseExpiredAsync(app.Services.GetRequiredService<DurableTaskClient>(), CancellationToken.None);

        Assert.Equal(1, erased);
        Assert.Equal(0, (await app.StoredAsync("expire-old")).Rows);
        Assert.NotEqual(0, (await app.StoredAsync("keep-recent")).Rows);
        Assert.NotEqual(0, (await app.StoredAsync("keep-running")).Rows);
    }

    /// <summary>Moves the interview's last change into the past in its list entry, as time would.</summary>
    private static async Task AgeAsync(InterviewApp app, string id, TimeSpan age)
    {
        var table = app.Table();
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {"~index"} and InterviewId eq {id}")))
        {
            row["LastUpdated"] = DateTimeOffset.UtcNow - age;
            await table.UpdateEntityAsync(row, Azure.ETag.All);
        }
    }
}
