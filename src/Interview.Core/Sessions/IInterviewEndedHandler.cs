using Interview.Core.Domain;

namespace Interview.Core.Sessions;

/// <summary>
/// The one seam where an interview's end hands over to what comes after it (the evaluation).
/// Called after the commit that ended or concluded the interview, and again on a repeated DELETE,
/// so a handler must tolerate duplicates: delivery is at least once.
/// </summary>
public interface IInterviewEndedHandler
{
    Task OnInterviewEndedAsync(SessionState state, CancellationToken cancellationToken);
}
