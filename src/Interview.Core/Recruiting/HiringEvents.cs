namespace Interview.Core.Recruiting;

/// <summary>
/// Something a hiring team's tracker wants to hear about: <c>interview.started</c>, <c>interview.ended</c>,
/// <c>evaluation.completed</c>, <c>review.recorded</c>, <c>interview.erased</c>, <c>alternative.requested</c>.
/// <see cref="Data"/> holds ids and what a tracker needs, never the transcript.
/// </summary>
public sealed record HiringEvent(string Type, string InterviewId, IReadOnlyDictionary<string, object?> Data);

/// <summary>
/// Where events go once they happened (after the commit). Publishing never slows or fails the request that caused it:
/// an implementation schedules the delivery and returns; a failure to schedule is logged, not thrown.
/// </summary>
public interface IHiringEvents
{
    Task PublishAsync(HiringEvent hiringEvent, CancellationToken cancellationToken);
}

/// <summary>No subscribers: the default until webhooks are set up.</summary>
public sealed class NoHiringEvents : IHiringEvents
{
    public Task PublishAsync(HiringEvent hiringEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}
