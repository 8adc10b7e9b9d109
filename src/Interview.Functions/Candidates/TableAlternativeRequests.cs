using Azure;
using Azure.Data.Tables;
using Interview.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Candidates;

/// <summary>A candidate's request to interview another way: when, for which plan, and their note (which may say why).</summary>
public sealed record AlternativeRequest(string InterviewId, string PlanId, DateTime RequestedAt, string? Note);

/// <summary>
/// Requests for another way to interview, in the sessions table's "~alternatives" partition, a row per interview: the first
/// request is kept, a repeat changes nothing. Erased with the interview.
/// </summary>
public sealed class TableAlternativeRequests(TableServiceClient service, IOptions<StorageOptions> options)
{
    private const string Partition = "~alternatives";
    private readonly TableClient _table = service.GetTableClient(options.Value.SessionsTable);

    /// <summary>Records the request unless there is one; returns the one kept.</summary>
    public async Task<AlternativeRequest> AddAsync(AlternativeRequest request, CancellationToken ct)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(Partition, request.InterviewId)
            {
                ["PlanId"] = request.PlanId,
                ["RequestedAt"] = DateTime.SpecifyKind(request.RequestedAt, DateTimeKind.Utc),
                ["Note"] = request.Note,
            }, ct);
            return request;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return (await GetAsync(request.InterviewId, ct))!;
        }
    }

    public async Task<AlternativeRequest?> GetAsync(string interviewId, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, interviewId, cancellationToken: ct);
        return row.HasValue ? Read(row.Value!) : null;
    }

    /// <summary>The newest <paramref name="limit"/> requests.</summary>
    public async Task<IReadOnlyList<AlternativeRequest>> ListAsync(int limit, CancellationToken ct)
    {
        var all = new List<AlternativeRequest>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
        {
            all.Add(Read(row));
        }

        return [.. all.OrderByDescending(r => r.RequestedAt).Take(limit)];
    }

    public async Task DeleteAsync(string interviewId, CancellationToken ct) =>
        await _table.DeleteEntityAsync(Partition, interviewId, ETag.All, ct);

    private static AlternativeRequest Read(TableEntity row) => new(row.RowKey, row.GetString("PlanId") ?? "",
        row.GetDateTimeOffset("RequestedAt")?.UtcDateTime ?? default, row.GetString("Note"));
}
