using System.Globalization;
using Azure.Data.Tables;
using Interview.Core.Recruiting;
using Interview.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Recruiter;

/// <summary>Reviews in the interview's own partition, one row each ("r" + time, so in order), erased with the interview.</summary>
internal sealed class TableReviewStore(TableServiceClient service, IOptions<StorageOptions> options) : IReviewStore
{
    private readonly TableClient _table = service.GetTableClient(options.Value.SessionsTable);

    /// <summary>Split like every stored JSON value and checked against Table Storage's limits before it is sent.</summary>
    public Task AddAsync(string interviewId, RecordedReview review, CancellationToken ct)
    {
        var row = new TableEntity(interviewId, string.Create(CultureInfo.InvariantCulture, $"r{review.At.Ticks:D19}-{Guid.NewGuid():N}"));
        StoredJson.Put(row, "Review", review);
        TableLimits.Check(row);
        return _table.AddEntityAsync(row, ct);
    }

    public async Task<IReadOnlyList<RecordedReview>> ListAsync(string interviewId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {interviewId} and RowKey ge {"r"} and RowKey lt {"s"}");
        var reviews = new List<RecordedReview>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            reviews.Add(StoredJson.Get<RecordedReview>(row, "Review")!);
        }

        return reviews;
    }
}
