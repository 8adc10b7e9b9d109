using System.Net;
using System.Net.Http.Headers;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Plans;
using Interview.Functions.Tests.Recruiter;

namespace Interview.Functions.Tests.Security;

/// <summary>A recruiter's link can fix the plan in its signed join token: the candidate starts with it and cannot swap it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class JoinTokenPlanTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly InterviewApp _app = TokenApp.Create(azurite);
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        await _client.SavedVersionAsync(await _client.BuiltInCopyAsync("linked-plan"));
    }

    [Fact]
    public async Task A_join_token_with_a_plan_starts_the_interview_with_that_plan()
    {
        var issued = await (await _client.SendAsync(RecruiterApp.Admin(HttpMethod.Post, "/manage/interviews/linked-1/join-token",
            new { plan_id = "linked-plan" }))).JsonAsync();
        Assert.Equal("linked-plan", (string)issued["plan_id"]!);

        var candidate = Bearer((string)issued["join_token"]!);
        var start = await (await candidate.StartAsync("linked-1")).JsonAsync();

        Assert.Equal("linked-plan", (string)start["session_state"]!["plan_id"]!);
        Assert.Equal(1, (int)start["session_state"]!["plan_version"]!);
    }

    [Fact]
    public async Task A_start_that_names_another_plan_is_403_and_starts_nothing()
    {
        var issued = await (await _client.SendAsync(RecruiterApp.Admin(HttpMethod.Post, "/manage/interviews/linked-2/join-token",
            new { plan_id = "linked-plan" }))).JsonAsync();
        var candidate = Bearer((string)issued["join_token"]!);

        var problem = await (await candidate.StartAsync("linked-2",
            new { plan_id = "software-engineer" })).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains("linked-plan", (string)problem["detail"]!, StringComparison.Ordinal);
        var state = await _client.SendAsync(RecruiterApp.Admin(HttpMethod.Get, "/session/state/linked-2"));
        Assert.Equal(HttpStatusCode.NotFound, state.StatusCode);
        // The same plan named again is fine.
        Assert.Equal(HttpStatusCode.OK, (await candidate.StartAsync("linked-2", new { plan_id = "linked-plan" })).StatusCode);
    }

    [Fact]
    public async Task A_join_token_without_a_plan_lets_the_start_choose_as_before()
    {
        var issued = await (await _client.SendAsync(RecruiterApp.Admin(HttpMethod.Post,
            "/manage/interviews/linked-3/join-token"))).JsonAsync();
        Assert.Null(issued["plan_id"]);

        var start = await (await Bearer((string)issued["join_token"]!).StartAsync("linked-3", new { plan_id = "linked-plan" })).JsonAsync();

        Assert.Equal("linked-plan", (string)start["session_state"]!["plan_id"]!);
    }

    [Theory]
    [InlineData("no-such-plan", HttpStatusCode.NotFound, "plan_not_found")]
    [InlineData("Not A Plan!", HttpStatusCode.BadRequest, "invalid_field")]
    public async Task A_join_token_for_a_plan_that_cannot_start_is_refused(string planId, HttpStatusCode status, string code)
    {
        var response = await _client.SendAsync(RecruiterApp.Admin(HttpMethod.Post, "/manage/interviews/linked-4/join-token",
            new { plan_id = planId }));

        Assert.Equal(code, (string)(await response.ProblemAsync(status))["code"]!);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private HttpClient Bearer(string token)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
