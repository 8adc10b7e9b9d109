using System.Net;
using Interview.Core.Domain;
using Interview.Core.Sessions;
using Interview.Core.Speech;
using Interview.Core.Evaluation;
using Interview.Functions.Evaluation;
using Interview.Functions.Tests.Evaluation;
using Interview.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Security;

/// <summary>
/// Fail closed (issue 21.4): the candidate's credential sees no interviewer notes, and a recording whose turn may have
/// committed is never deleted. (Open mode off loopback: StartupFailureTests.)
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FailClosedTests(AzuriteFixture azurite)
{
    private const string Detailed =
        "At my last company I led the redesign of our payments API: we moved from one database to a sharded cluster " +
        "with a cache in front, which cut p99 latency from 800 to 120 milliseconds and let the team of five ship twice as often.";

    [Fact]
    public async Task The_candidate_sees_no_insights_or_reasoning_and_the_recruiter_sees_both()
    {
        using var app = TokenApp.Create(azurite);
        var (candidate, start) = await app.CandidateAsync("notes-1");
        var turns = new List<System.Text.Json.Nodes.JsonNode>();
        for (var i = 0; i < 3; i++)
        {
            turns.Add(await (await candidate.AnswerAsync("notes-1", Detailed)).JsonAsync());
        }

        var own = await (await candidate.GetAsync("/session/state/notes-1")).JsonAsync();
        var recruiter = await (await app.CreateClient().SendAsync(RecruiterRequest(HttpMethod.Get, "/session/state/notes-1"))).JsonAsync();

        Assert.All(turns.Append(start), body =>
        {
            Assert.Equal("", (string?)body["interviewer_response"]!["action"]!["reasoning"]);
            Assert.Empty(body["session_state"]!["insights"]!.AsArray());
        });
        Assert.Empty(own["insights"]!.AsArray());
        Assert.NotEmpty(recruiter["insights"]!.AsArray()); // the notes exist: only the candidate's view leaves them out
        Assert.Equal(own["conversation_history"]!.ToJsonString(), recruiter["conversation_history"]!.ToJsonString());
    }

    [Fact]
    public async Task A_failed_evaluation_tells_the_candidate_nothing_of_its_cause()
    {
        using var app = new InterviewApp(azurite, s => s.AddSingleton<ICompetencyEvaluator>(new RefusingEvaluator()),
            new Dictionary<string, string>
        {
            ["Security:Mode"] = "token", ["Security:SigningKey"] = TokenApp.SigningKey, ["Security:AdminKey"] = TokenApp.AdminKey,
        });
        var (candidate, _) = await app.CandidateAsync("notes-failed");
        await (await candidate.DeleteAsync("/session/state/notes-failed")).JsonAsync(HttpStatusCode.Accepted);
        var recruiter = app.CreateClient();
        recruiter.DefaultRequestHeaders.Add("X-Admin-Key", TokenApp.AdminKey);

        var recruiterView = await recruiter.WaitForStatusAsync("notes-failed", "failed");
        var candidateView = await (await candidate.GetAsync("/session/evaluation/notes-failed")).JsonAsync();

        Assert.Contains("cannot be scored", (string?)recruiterView["reason"], StringComparison.Ordinal); // the cause, for who can act on it
        Assert.Equal("failed", (string?)candidateView["status"]);
        Assert.Equal(EvaluationFunctions.FailedForCandidate, (string?)candidateView["reason"]);
    }

    [Fact]
    public async Task A_recording_whose_commit_landed_though_its_reply_was_lost_is_kept()
    {
        using var app = new InterviewApp(azurite, s =>
        {
            s.AddSingleton<ISpeechToText>(new FakeSpeechToText("I shipped the billing rewrite."));
            var table = s.Last(d => d.ServiceType == typeof(ISessionStore));
            s.AddSingleton<ISessionStore>(sp
                => new CommitsThenLosesTheReply((ISessionStore)ActivatorUtilities.CreateInstance(sp, table.ImplementationType!)));
        });
        var client = app.CreateClient();
        await (await client.StartAsync("kept-1")).JsonAsync();

        var lost = await client.SpeakAsync("kept-1", TestAudio.Wav());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode); // the caller was told it failed...
        var state = (await client.StateOrNullAsync("kept-1"))!;
        var answer = state["conversation_history"]![1]!;
        Assert.Equal("I shipped the billing rewrite.", (string?)answer["content"]); // ...but the turn is stored
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync((string)answer["audio_url"]!)).StatusCode); // and its recording stays
    }

    private static HttpRequestMessage RecruiterRequest(HttpMethod method, string path) =>
        new(method, path) { Headers = { { "X-Admin-Key", TokenApp.AdminKey } } };

    /// <summary>The batch lands, then the connection drops before the reply: the outcome the caller sees is a failure.</summary>
    private sealed class CommitsThenLosesTheReply(ISessionStore inner) : ISessionStore
    {
        public Task<StoredSession?> LoadAsync(string interviewId, string? idempotencyKey, CancellationToken cancellationToken) =>
            inner.LoadAsync(interviewId, idempotencyKey, cancellationToken);

        public async Task SaveAsync(StoredSession? before, SessionState after, IdempotencyRecord? idempotency,
            CancellationToken cancellationToken)
        {
            await inner.SaveAsync(before, after, idempotency, cancellationToken);
            if (before is not null)
            {
                throw new Azure.RequestFailedException(503, "The connection closed before the reply");
            }
        }

        public Task EraseAsync(string interviewId, CancellationToken cancellationToken) => inner.EraseAsync(interviewId, cancellationToken);

        public Task<int> TombstoneAsync(string interviewId, CancellationToken cancellationToken)
            => inner.TombstoneAsync(interviewId, cancellationToken);
    }
}
