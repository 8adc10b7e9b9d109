using System.Net;
using Interview.Core.Recruiting;
using Interview.Core.Sessions;
using Interview.Functions.Recruiter;
using Interview.Functions.Tests.Security;
using Interview.Functions.Tests.Evaluation;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Sessions;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Interview.Functions.Http;

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
        await (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Post, "/manage/interviews/erase-1/review",
            new { decision = "reject", reviewer = "Sam" }))).JsonAsync();
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
        await AgeAsync(app, "keep-running", TimeSpan.FromDays(31)); // listed long ago, but its session changed today: kept

        var erased = await app.Services.GetRequiredService<Retention>()
            .EraseExpiredAsync(app.Services.GetRequiredService<DurableTaskClient>(), CancellationToken.None);

        Assert.Equal(1, erased);
        Assert.Equal(0, (await app.StoredAsync("expire-old")).Rows);
        Assert.NotEqual(0, (await app.StoredAsync("keep-recent")).Rows);
        Assert.NotEqual(0, (await app.StoredAsync("keep-running")).Rows);
    }

    [Fact]
    public async Task An_erased_interview_is_a_tombstone_its_old_tokens_cannot_reopen()
    {
        using var app = TokenApp.Create(azurite);
        var client = app.CreateClient();
        var join = await client.JoinTokenAsync("tomb-1");
        var (candidate, _) = await app.CandidateAsync("tomb-1");
        await (await candidate.AnswerAsync("tomb-1", "I built the payments service.")).JsonAsync();
        var session = candidate.DefaultRequestHeaders.Authorization!;

        Assert.Equal(HttpStatusCode.NoContent,
            (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Delete, "/manage/interviews/tomb-1"))).StatusCode);

        candidate.DefaultRequestHeaders.Authorization = RecruiterApp.Bearer(join);
        var restart = await (await candidate.StartAsync("tomb-1")).ProblemAsync(HttpStatusCode.Gone);
        Assert.Equal("interview_erased", (string?)restart["code"]);
        candidate.DefaultRequestHeaders.Authorization = session;
        await (await candidate.AnswerAsync("tomb-1", "Still here?")).ProblemAsync(HttpStatusCode.NotFound);
        await (await candidate.GetAsync("/session/state/tomb-1")).ProblemAsync(HttpStatusCode.NotFound);
        await (await candidate.GetAsync("/session/evaluation/tomb-1")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal((0, 0, 0), await app.StoredAsync("tomb-1")); // nothing but the tombstone, which holds nothing personal
    }

    [Fact]
    public async Task An_erasure_cut_short_stays_marked_through_list_reads_and_is_finished_by_the_timer()
    {
        using var app = StreamingApp.Create(azurite, new CountingVoice());
        var client = app.CreateClient();
        await (await client.StartAsync("cut-1", new { candidate_name = "Grace" })).JsonAsync();
        await (await client.SpeakAsync("cut-1", TestAudio.Wav())).JsonAsync();
        await (await client.DeleteAsync("/session/state/cut-1")).JsonAsync(HttpStatusCode.Accepted);
        // The erasure's first steps, then the process dies: marked, tombstoned, nothing deleted yet.
        await app.Services.GetRequiredService<IInterviewIndex>().MarkErasingAsync("cut-1", CancellationToken.None);
        await app.Services.GetRequiredService<ISessionStore>().TombstoneAsync("cut-1", CancellationToken.None);

        Assert.DoesNotContain((await client.ListAsync())["items"]!.AsArray(), i => (string)i!["interview_id"]! == "cut-1"); // hidden...
        var left = await app.StoredAsync("cut-1");
        Assert.Equal(1, left.IndexRows); // ...but the list read left the marker for the timer
        Assert.NotEqual(0, left.Rows + left.Blobs);

        var finished = await app.Services.GetRequiredService<Retention>()
            .FinishErasuresAsync(app.Services.GetRequiredService<DurableTaskClient>(), CancellationToken.None);

        Assert.Equal(1, finished);
        Assert.Equal((0, 0, 0), await app.StoredAsync("cut-1"));
        Assert.Empty(await app.InstancesAsync("cut-1-v"));
    }

    [Fact]
    public async Task Retention_erases_an_interview_abandoned_mid_way_once_its_last_turn_is_old_enough()
    {
        var clock = new MovableClock();
        using var app = new InterviewApp(azurite, s => s.AddSingleton<TimeProvider>(clock), new Dictionary<string,
            string> { ["Retention:Days"] = "30" });
        var client = app.CreateClient();
        await (await client.StartAsync("abandoned")).JsonAsync();
        await (await client.AnswerAsync("abandoned", "I started to answer and then closed the tab.")).JsonAsync();
        clock.Ahead = TimeSpan.FromDays(20);
        await (await client.StartAsync("resumed")).JsonAsync(); // started 20 days on, answered 31 days on: still in use
        clock.Ahead = TimeSpan.FromDays(31);
        await (await client.AnswerAsync("resumed", "Back again after a while.")).JsonAsync();

        var erased = await app.Services.GetRequiredService<Retention>()
            .EraseExpiredAsync(app.Services.GetRequiredService<DurableTaskClient>(), CancellationToken.None);

        Assert.Equal(1, erased);
        Assert.Equal((0, 0, 0), await app.StoredAsync("abandoned"));
        Assert.NotEqual(0, (await app.StoredAsync("resumed")).Rows);
    }

    private sealed class MovableClock : TimeProvider
    {
        public TimeSpan Ahead { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Ahead;
    }

    /// <summary>Moves the interview's last change into the past in its list entry, as time would.</summary>
    private static async Task AgeAsync(InterviewApp app, string id, TimeSpan age)
    {
        var table = app.Table();
        var listed = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {"~index"} and InterviewId eq {id}");
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(listed))
        {
            row["LastUpdated"] = DateTimeOffset.UtcNow - age;
            await table.UpdateEntityAsync(row, Azure.ETag.All);
        }
    }
}
