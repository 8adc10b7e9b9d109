using System.Runtime.CompilerServices;
using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Recruiting;
using Interview.Core.Sessions;

namespace Interview.Core.Tests.TestDoubles;

/// <summary>The interviews list in memory: what was marked and recorded, by interview.</summary>
internal sealed class InMemoryInterviewIndex : IInterviewIndex
{
    public Dictionary<string, string> Status { get; } = [];

    public Task MarkStartingAsync(SessionState state, CancellationToken cancellationToken) => Set(state.InterviewId, IndexStatus.Starting);

    public Task RecordAsync(SessionState state, IndexedScore? score, CancellationToken cancellationToken)
        => Set(state.InterviewId, IndexStatus.Of(state.Status));

    public Task<IndexPage> ListAsync(string? status, string? planId, string? continuation, int pageSize,
        CancellationToken cancellationToken) =>
        throw new NotSupportedException("The session tests do not list.");

    public Task MarkErasingAsync(string interviewId, CancellationToken cancellationToken) => Set(interviewId, IndexStatus.Erasing);

    public Task ForgetStartAsync(SessionState state, CancellationToken cancellationToken) =>
        Status.GetValueOrDefault(state.InterviewId) == IndexStatus.Starting ? RemoveAsync(state.InterviewId, cancellationToken)
            : Task.CompletedTask;

    public Task RemoveAsync(string interviewId, CancellationToken cancellationToken)
    {
        Status.Remove(interviewId);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<(string InterviewId, string Status)> LastChangedBeforeAsync(DateTime before,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }

    public async IAsyncEnumerable<string> ErasingAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var (id, _) in Status.Where(s => s.Value == IndexStatus.Erasing))
        {
            yield return id;
        }
    }

    private Task Set(string id, string status)
    {
        Status[id] = status;
        return Task.CompletedTask;
    }
}
