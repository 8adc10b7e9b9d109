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

namespace Interview.Functions.Recruiter;

/// <summary>
/// The interviews list in the sessions table's own partition "~index" ('~' starts no interview id), one row per interview,
/// keyed newest first (inverted start time, then the id). A row still marked starting or erasing is checked against the
/// session when listed: a committed start is recorded and shown, an erased or never-committed one removed.
/// </summary>
internal sealed class TableInterviewIndex(TableServiceClient service, IOptions<StorageOptions> options, ISessionStore sessions, TimeProvider clock)
    : IInterviewIndex
{
    public const string Partition = "~index";
    private static readonly TimeSpan StartGrace = TimeSpan.FromMinutes(1);
    private readonly TableClient _table = service.GetTableClient(options.Value.SessionsTable);

    public static string Key(string interviewId, DateTime startedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTime.MaxValue.Ticks - startedAt.ToUniversalTime().Ticks:D19}-{interviewId}");

    public Task MarkStartingAsync(SessionState state, CancellationToken ct) =>
        _table.UpsertEntityAsync(Row(state, IndexStatus.Starting, null), TableUpdateMode.Replace, ct);

    public Task RecordAsync(SessionState state, EvaluationReport? report, CancellationToken ct) =>
        _table.UpsertEntityAsync(Row(state, IndexStatus.Of(state.Status), report), TableUpdateMode.Merge, ct);

    public Task MarkErasingAsync(string interviewId, CancellationToken ct) => ForIdAsync(interviewId, e =>
        _table.UpdateEntityAsync(new TableEntity(Partition, e.RowKey) { ["Status"] = IndexStatus.Erasing }, ETag.All, TableUpdateMode.Merge, ct), ct);

    public Task RemoveAsync(string interviewId, CancellationToken ct) => ForIdAsync(interviewId, e => _table.DeleteEntityAsync(Partition, e.RowKey, ETag.All, ct), ct);

    public async Task<IndexPage> ListAsync(string? status, string? planId, string? continuation, int pageSize, CancellationToken ct)
    {
        // Rows mid-start are included whatever the filter: they are settled below, then filtered like the rest.
        var filter = $"PartitionKey eq '{Partition}'"
                     + (planId is null ? "" : TableClient.CreateQueryFilter($" and PlanId eq {planId}"))
                     + (status is null ? "" : TableClient.CreateQueryFilter($" and (Status eq {status} or Status eq {IndexStatus.Starting})"));
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: ct).AsPages(continuation, pageSize))
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

    public async IAsyncEnumerable<string> EndedBeforeAsync(DateTime before, [EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition} and (Status eq {"ended"} or Status eq {"concluded"}) and LastUpdated lt {new DateTimeOffset(before, TimeSpan.Zero)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["InterviewId"], cancellationToken: ct))
        {
            yield return row.GetString("InterviewId");
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

        // Erasing, or a start that never committed (once its request can no longer be running): nothing to list.
        if (status == IndexStatus.Erasing || clock.GetUtcNow() - row.GetDateTimeOffset("StartedAt")!.Value > StartGrace)
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

    private static TableEntity Row(SessionState s, string status, EvaluationReport? report)
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
        if (report is not null)
        {
            row["OverallScore"] = report.Overall.Score;
            row["Recommendation"] = report.Overall.Recommendation;
        }

        return row;
    }

    private static IndexEntry Entry(TableEntity e) => new(
        e.GetString("InterviewId"), e.GetString("CandidateName"), e.GetString("Role"), e.GetString("PlanId"), e.GetString("Status"),
        e.GetDateTimeOffset("StartedAt")!.Value.UtcDateTime, e.GetDateTimeOffset("LastUpdated")!.Value.UtcDateTime,
        e.GetInt32("OverallScore"), e.GetString("Recommendation"));
}
