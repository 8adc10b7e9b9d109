using System.Net;
using System.Net.Http.Headers;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Security;

/// <summary>In token mode no request reaches an interview without the right token, and a token opens only its own interview.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TokenModeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly InterviewApp _app = TokenApp.Create(azurite, new() { ["Security:JoinTokenLifetime"] = "00:01:00" });
    private HttpClient _alice = null!;

    public async Task InitializeAsync() => (_alice, _) = await _app.CandidateAsync("alice");

    [Fact]
    public async Task Candidate_with_the_session_token_runs_the_interview()
    {
        await (await _alice.AnswerAsync("alice", "At my last job I cut latency by 40 percent with a cache.")).JsonAsync();
        await (await _alice.GetAsync("/session/state/alice")).JsonAsync();
        await (await _alice.DeleteAsync("/session/state/alice")).JsonAsync(HttpStatusCode.Accepted);
        Assert.Contains((await _alice.GetAsync("/session/evaluation/alice")).StatusCode,
            new[] { HttpStatusCode.OK, HttpStatusCode.Accepted });
    }

    public static TheoryData<string> Requests => ["start", "turn", "state", "delete", "evaluation", "rerun"];

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Missing_token_is_401_and_changes_nothing(string request)
    {
        var before = await SnapshotAsync();
        var anonymous = _app.CreateClient();

        var problem = await (await SendAsync(anonymous, request, "alice")).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("unauthorized", (string)problem["code"]!);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Another_interviews_token_is_403(string request)
    {
        var (bob, _) = await _app.CandidateAsync($"bob-{request}");
        var before = await SnapshotAsync();
        if (request == "start")
        {
            bob.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await bob.JoinTokenAsync($"bob-{request}"));
        }

        var response = await SendAsync(bob, request, "alice");

        // Re-scoring is admin-only, so even a valid session token is not enough there.
        await response.ProblemAsync(request == "rerun" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("forged signature")]
    [InlineData("garbage")]
    [InlineData("join token used as a session token")]
    [InlineData("expired")]
    public async Task Wrong_token_is_401(string kind)
    {
        var session = _alice.DefaultRequestHeaders.Authorization!.Parameter!;
        var token = kind switch
        {
            "forged signature" => session[..session.IndexOf('.', StringComparison.Ordinal)] + ".AAAA",
            "garbage" => "not-a-token",
            "join token used as a session token" => await _alice.JoinTokenAsync("alice"),
            _ => await ExpiredSessionTokenAsync(),
        };
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/session/state/alice");

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Join_token_needs_the_admin_key()
    {
        var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/manage/interviews/carol/join-token");
        request.Headers.Add("X-Admin-Key", "guess");

        await (await client.SendAsync(request)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostAsync("/manage/interviews/carol/join-token", null)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Admin_key_opens_state_and_rerun_but_not_turns()
    {
        var admin = _app.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", TokenApp.AdminKey);

        await (await admin.GetAsync("/session/state/alice")).JsonAsync();
        await (await admin.AnswerAsync("alice", "answering for the candidate")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>A session token for alice, signed with the app's key, that expired a minute ago.</summary>
    private static Task<string> ExpiredSessionTokenAsync()
    {
        var options = new Interview.Functions.Security.SecurityOptions { SigningKey = TokenApp.SigningKey,
            SessionTokenLifetime = TimeSpan.FromMinutes(1) };
        var tokens = new Interview.Functions.Security.InterviewTokens(Microsoft.Extensions.Options.Options.Create(options),
            new ShiftedClock(TimeSpan.FromMinutes(-2)));
        return Task.FromResult(tokens.Issue(Interview.Functions.Security.InterviewTokens.Session, "alice").Token);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string request, string id) => request switch
    {
        "start" => client.StartAsync(id),
        "turn" => client.AnswerAsync(id, "hello"),
        "state" => client.GetAsync($"/session/state/{id}"),
        "delete" => client.DeleteAsync($"/session/state/{id}"),
        "evaluation" => client.GetAsync($"/session/evaluation/{id}"),
        _ => client.PostAsync($"/session/evaluation/{id}/rerun", null),
    };

    private async Task<string> SnapshotAsync()
    {
        var admin = _app.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", TokenApp.AdminKey);
        return await admin.StableStateAsync("alice");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}
