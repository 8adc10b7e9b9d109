using Interview.Core.Domain;
using Interview.Core.Sessions;

namespace Interview.Core.Tests.TestDoubles;

/// <summary>Records each announcement; when <see cref="Failure"/> is set, records it and then fails with it.</summary>
internal sealed class RecordingEndedHandler : IInterviewEndedHandler
{
    public List<SessionState> Ended { get; } = [];

    public Exception? Failure { get; set; }

    public Task OnInterviewEndedAsync(SessionState state, CancellationToken cancellationToken)
    {
        Ended.Add(state);
        return Failure is null ? Task.CompletedTask : Task.FromException(Failure);
    }
}
