using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Recruiting;
using Interview.Core.Sessions;
using Interview.Functions.Storage;
using Microsoft.Extensions.Options;
using Interview.Functions.Http;

namespace Interview.Functions.Recruiter;

/// <summary>
/// The interviews list in the sessions table's own partition "~index" ('~' starts no interview id), one row per interview,
/// keyed newest first (inverted start time, then the id). A row still marked starting or erasing is checked against the
/// session when listed: a committed start is recorded and shown, a never-committed one removed, an erasing one hidden.
/// </summary>
internal sealed class TableInterviewIndex(TableServiceClient service, IOptions<StorageOptions> options, ISessionStore sessions,
    TimeProvider clock)
    : IInterviewIndex
{
    public const string Partition = "~index";
    private static readonly TimeSpan StartGrace = TimeSpan.FromMinutes(1);
    private readonly TableClient _table = service.GetTableClient(options.Value.SessionsTable);

    public static string Key(string interviewId, DateTime startedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTime.MaxValue.Ticks - startedAt.ToUniversalTime().Ticks:D19}-{interviewId}");

    public Task MarkStartingAsync(SessionState state, CancellationToken ct) =>
        _table.UpsertEntityAsync(Row(state, IndexStatus.Starting, null), TableUpdateMode.Replace, ct);

    /// <summary>
    /// Updates the row the start created, guarded by its ETag: never one being erased (it stays hidden) and never one an
    /// erasure already removed (that would bring the candidate's name back).
    /// </summary>
    public async Task RecordAsync(SessionState state, IndexedScore? score, CancellationToken ct)
    {
        var key = Key(state.InterviewId, state.StartedAt);
        for (var attempt = 1; ; attempt++)
        {
            var current = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, key, ["Status"], ct);
            if (!current.HasValue || current.Value!.GetString("Status") == IndexStatus.Erasing)
            {
                return;
            }

            try
            {
                await _table.UpdateEntityAsync(Row(state, IndexStatus.Of(state.Status), score), current.Value.ETag,
                    TableUpdateMode.Merge, ct);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412 && attempt < 3)
            {
                // Changed (or removed) since read: look again.
            }
        }
    }

    public async Task MarkErasingAsync(string interviewId, CancellationToken ct)
    {
        var marked = 0;
        await ForIdAsync(interviewId, async e =>
        {
            marked++;
            await _table.UpdateEntityAsync(new TableEntity(Partition, e.RowKey) { ["Status"] = IndexStatus.Erasing }, ETag.All,
                TableUpdateMode.Merge, ct);
        }, ct);
        if (marked == 0)
        {
            // Not listed (a start that never recorded, or an id never used): the marker still records the erasure under way.
            await _table.UpsertEntityAsync(new TableEntity(Partition, Key(interviewId, clock.GetUtcNow().UtcDateTime))
            {
                ["InterviewId"] = interviewId, ["Status"] = IndexStatus.Erasing, ["StartedAt"] = clock.GetUtcNow(),
                    ["LastUpdated"] = clock.GetUtcNow(),
            }, TableUpdateMode.Replace, ct);
        }
    }

    public async IAsyncEnumerable<string> ErasingAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Status eq {IndexStatus.Erasing}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["InterviewId"], cancellationToken: ct))
        {
            yield return row.GetString("InterviewId");
        }
    }

    public async Task ForgetStartAsync(SessionState state, CancellationToken ct)
    {
        var key = Key(state.InterviewId, state.StartedAt);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, key, ["Status"], ct);
        if (row.HasValue && row.Value!.GetString("Status") == IndexStatus.Starting)
        {
            await _table.DeleteEntityAsync(Partition, key, row.Value.ETag, ct);
        }
    }

    public Task RemoveAsync(string interviewId, CancellationToken ct)
        => ForIdAsync(interviewId, e => _table.DeleteEntityAsync(Partition, e.RowKey, ETag.All, ct), ct);

    public async Task<IndexPage> ListAsync(string? status, string? planId, string? continuation, int pageSize, CancellationToken ct)
    {
        // Rows mid-start are included whatever the filter: they are settled below, then filtered like the rest.
        var filter = $"PartitionKey eq '{Partition}'"
                     + (planId is null ? "" : TableClient.CreateQueryFilter($" and PlanId eq {planId}"))
                     + (status is null ? ""
                         : TableClient.CreateQueryFilter($" and (Status eq {status} or Status eq {IndexStatus.Starting})"));
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize,
            cancellationToken: ct).AsPages(continuation, pageSize))
        {
            var items = new List<IndexEntry>();
            foreach (var row in page.Values)
            {
                if (await SettleAsync(row, ct) is { } entry && (status is null || entry.Status == status))
                {
                    items.Add(entry);
                }
            }

            return new IndexPage(items, page.ContinuationToken);
        }

        return new IndexPage([], null);
    }

    public async IAsyncEnumerable<(string InterviewId, string Status)> LastChangedBeforeAsync(DateTime before,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var cutoff = new DateTimeOffset(before, TimeSpan.Zero);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and LastUpdated lt {cutoff}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["InterviewId", "Status"], cancellationToken: ct))
        {
            yield return (row.GetString("InterviewId"), row.GetString("Status"));
        }
    }

    /// <summary>The entry as the session says it is: a start that committed is recorded; a row with no session goes.</summary>
    private async Task<IndexEntry?> SettleAsync(TableEntity row, CancellationToken ct)
    {
        var status = row.GetString("Status");
        if (status is not (IndexStatus.Starting or IndexStatus.Erasing))
        {
            return Entry(row);
        }

        var id = row.GetString("InterviewId");
        if (status == IndexStatus.Starting && await sessions.LoadAsync(id, null, ct) is { } session)
        {
            await RecordAsync(session.State, null, ct);
            return Entry(Row(session.State, IndexStatus.Of(session.State.Status), null));
        }

        // Erasing: hidden, and left for the erasure to remove when it is done (FinishErasures resumes one cut short).
        // A start that never committed, once its request can no longer be running: nothing to list.
        if (status == IndexStatus.Starting && clock.GetUtcNow() - row.GetDateTimeOffset("StartedAt")!.Value > StartGrace)
        {
            await _table.DeleteEntityAsync(Partition, row.RowKey, ETag.All, ct);
        }

        return null;
    }

    private async Task ForIdAsync(string interviewId, Func<TableEntity, Task> act, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and InterviewId eq {interviewId}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
        {
            await act(row);
        }
    }

    private static TableEntity Row(SessionState s, string status, IndexedScore? score)
    {
        var row = new TableEntity(Partition, Key(s.InterviewId, s.StartedAt))
        {
            ["InterviewId"] = s.InterviewId,
            ["CandidateName"] = s.CandidateName,
            ["Role"] = s.Role,
            ["PlanId"] = s.PlanId,
            ["Status"] = status,
            ["StartedAt"] = new DateTimeOffset(s.StartedAt, TimeSpan.Zero),
            ["LastUpdated"] = new DateTimeOffset(s.LastUpdated, TimeSpan.Zero),
        };
        if (score is not null)
        {
            row["OverallScore"] = score.Overall;
            row["Recommendation"] = score.Recommendation;
        }

        return row;
    }

    private static IndexEntry Entry(TableEntity e) => new(
        e.GetString("InterviewId"), e.GetString("CandidateName"), e.GetString("Role"), e.GetString("PlanId"), e.GetString("Status"),
        e.GetDateTimeOffset("StartedAt")!.Value.UtcDateTime, e.GetDateTimeOffset("LastUpdated")!.Value.UtcDateTime,
        e.GetInt32("OverallScore"), e.GetString("Recommendation"));
}
