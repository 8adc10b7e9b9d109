using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Interview.Core.Recruiting;
using Interview.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Recruiter;

/// <summary>Reviews in the interview's own partition, one row each ("r" + time, so in order), erased with the interview.</summary>
internal sealed class TableReviewStore(TableServiceClient service, IOptions<StorageOptions> options) : IReviewStore
{
    private static readonly JsonSerializerOptions Json = StoredJson.Options;
    private readonly TableClient _table = service.GetTableClient(options.Value.SessionsTable);

    public Task AddAsync(string interviewId, RecordedReview review, CancellationToken ct) =>
        _table.AddEntityAsync(new TableEntity(interviewId, string.Create(CultureInfo.InvariantCulture, $"r{review.At.Ticks:D19}-{Guid.NewGuid():N}"))
        {
            ["Review"] = JsonSerializer.Serialize(review, Json),
        }, ct);

    public async Task<IReadOnlyList<RecordedReview>> ListAsync(string interviewId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {interviewId} and RowKey ge {"r"} and RowKey lt {"s"}");
        var reviews = new List<RecordedReview>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            reviews.Add(JsonSerializer.Deserialize<RecordedReview>(row.GetString("Review"), Json)!);
        }

        return reviews;
    }
}
