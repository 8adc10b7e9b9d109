using System.Globalization;
using Azure.Data.Tables;
using Interview.Core.Recruiting;
using Interview.Functions.Storage;
using Microsoft.Extensions.Options;
using Interview.Functions.Http;

namespace Interview.Functions.Recruiter;

/// <summary>
/// The audit trail in the sessions table's own partition "~audit" ('~' starts no interview id), one row per action,
/// keyed newest first (inverted time, then a random suffix). Rows name the actor and the interview id, never the
/// candidate, so an erasure does not remove them: the erasure itself is one of them.
/// </summary>
internal sealed class TableAuditTrail(TableServiceClient service, IOptions<StorageOptions> options) : IAuditTrail
{
    public const string Partition = "~audit";
    private readonly TableClient _table = service.GetTableClient(options.Value.SessionsTable);

    public Task RecordAsync(AuditEntry entry, CancellationToken ct) =>
        _table.AddEntityAsync(new TableEntity(Partition, string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.MaxValue.Ticks - entry.At.ToUniversalTime().Ticks:D19}-{Guid.NewGuid():N}"))
        {
            ["At"] = new DateTimeOffset(entry.At.ToUniversalTime(), TimeSpan.Zero),
            ["ActorId"] = entry.Actor.ObjectId,
            ["ActorName"] = entry.Actor.Name,
            ["Action"] = entry.Action,
            ["InterviewId"] = entry.InterviewId,
            ["PlanId"] = entry.PlanId,
            ["Version"] = entry.Version,
        }, ct);

    public async Task<AuditPage> ListAsync(string? interviewId, string? continuation, int pageSize, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}")
                     + (interviewId is null ? "" : TableClient.CreateQueryFilter($" and InterviewId eq {interviewId}"));
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize,
            cancellationToken: ct).AsPages(continuation, pageSize))
        {
            return new AuditPage([.. page.Values.Select(Entry)], page.ContinuationToken);
        }

        return new AuditPage([], null);
    }

    private static AuditEntry Entry(TableEntity e) => new(
        e.GetDateTimeOffset("At")!.Value.UtcDateTime, new Actor(e.GetString("ActorId"), e.GetString("ActorName")), e.GetString("Action"),
        e.GetString("InterviewId"), e.GetString("PlanId"), e.GetInt32("Version"));
}
