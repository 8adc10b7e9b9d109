namespace Interview.Core.Recruiting;

/// <summary>Reviews of an interview, kept with it (and erased with it), oldest first.</summary>
public interface IReviewStore
{
    Task AddAsync(string interviewId, RecordedReview review, CancellationToken cancellationToken);

    Task<IReadOnlyList<RecordedReview>> ListAsync(string interviewId, CancellationToken cancellationToken);
}
