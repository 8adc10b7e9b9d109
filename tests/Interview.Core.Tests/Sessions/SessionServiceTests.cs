using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Sessions;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Sessions;

/// <summary>Starting and ending interviews; turns are in <see cref="SessionServiceTurnTests"/>.</summary>
public sealed class SessionServiceTests
{
    private const string Id = SessionHarness.Id;
    private readonly SessionHarness _h = new();

    [Fact]
    public async Task Start_saves_the_interview_and_returns_the_greeting()
    {
        var result = await _h.Service().StartAsync(Id, new StartOptions("Ada"), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.StartsWith("Hi Ada", result.Value!.Response.Text, StringComparison.Ordinal);
        Assert.Equal(result.Value.State, _h.Store[Id]);
        Assert.Equal(1, _h.Store.Saves);
    }

    [Fact]
    public async Task Start_twice_returns_the_same_greeting_without_a_second_save()
    {
        var first = await _h.Service().StartAsync(Id, new StartOptions("Ada"), CancellationToken.None);

        var second = await _h.Service().StartAsync(Id, new StartOptions("Bob"), CancellationToken.None);

        Assert.Equal(first.Value!.Response.Text, second.Value!.Response.Text);
        Assert.True(second.Value.Response.ShouldContinue);
        Assert.Equal(1, _h.Store.SaveAttempts);
    }

    [Fact]
    public async Task Start_with_an_unknown_plan_is_refused()
    {
        var result = await _h.Service().StartAsync(Id, new StartOptions(PlanId: "astronaut"), CancellationToken.None);

        Assert.Equal(SessionError.UnknownPlan, result.Error);
        Assert.Equal(0, _h.Store.SaveAttempts);
    }

    [Fact]
    public async Task Start_of_an_ended_interview_is_refused()
    {
        var service = await _h.StartedAsync();
        await service.EndAsync(Id, CancellationToken.None);

        var result = await service.StartAsync(Id, new StartOptions(), CancellationToken.None);

        Assert.Equal(SessionError.AlreadyEnded, result.Error);
    }

    [Fact]
    public async Task End_retries_after_a_conflict_and_ends_the_interview()
    {
        var service = await _h.StartedAsync();
        _h.Store.ConflictsToThrow = 1;

        var result = await service.EndAsync(Id, CancellationToken.None);

        Assert.Equal(SessionStatus.Ended, result.Value!.Status);
        Assert.Equal(SessionStatus.Ended, _h.Store[Id]!.Status);
        Assert.Equal(3, _h.Store.SaveAttempts);
        Assert.Equal(1, _h.Store[Id]!.EvaluationVersion);
    }

    [Fact]
    public async Task End_gives_up_after_three_conflicts()
    {
        var service = await _h.StartedAsync();
        _h.Store.ConflictsToThrow = 3;

        await Assert.ThrowsAsync<SessionConflictException>(() => service.EndAsync(Id, CancellationToken.None));

        Assert.Equal(SessionStatus.Active, _h.Store[Id]!.Status);
        Assert.Equal(0, _h.Store[Id]!.EvaluationVersion);
    }

    [Fact]
    public async Task Ending_commits_the_first_evaluation_version_and_ending_again_writes_nothing()
    {
        var service = await _h.StartedAsync();
        var first = await service.EndAsync(Id, CancellationToken.None);

        var again = await service.EndAsync(Id, CancellationToken.None);

        Assert.Equal((SessionStatus.Ended, 1), (first.Value!.Status, first.Value.EvaluationVersion));
        Assert.Equal((SessionStatus.Ended, 1), (again.Value!.Status, again.Value.EvaluationVersion));
        Assert.Equal(2, _h.Store.Saves); // the start and the end
    }

    [Fact]
    public async Task Each_requested_evaluation_is_one_more_version_of_an_ended_interview()
    {
        var service = await _h.StartedAsync();
        await service.EndAsync(Id, CancellationToken.None);

        var second = await service.RequestEvaluationAsync(Id, CancellationToken.None);
        var third = await service.RequestEvaluationAsync(Id, CancellationToken.None);

        Assert.Equal((2, 3), (second.Value!.EvaluationVersion, third.Value!.EvaluationVersion));
        Assert.Equal(3, _h.Store[Id]!.EvaluationVersion);
    }

    [Fact]
    public async Task A_running_interview_cannot_be_evaluated_and_nothing_is_written()
    {
        var service = await _h.StartedAsync();

        var refused = await service.RequestEvaluationAsync(Id, CancellationToken.None);

        Assert.Equal(SessionError.StillRunning, refused.Error);
        Assert.Equal((1, 0), (_h.Store.Saves, _h.Store[Id]!.EvaluationVersion));
    }

    [Fact]
    public async Task End_of_an_unknown_interview_is_not_found()
    {
        var result = await _h.Service().EndAsync("nobody", CancellationToken.None);

        Assert.Equal(SessionError.NotFound, result.Error);
    }
}
