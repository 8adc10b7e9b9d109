using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Interview.Core.Plans;
using Interview.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Plans;

/// <summary>
/// Stored plans in the sessions table, one partition per plan ("~plan-" + id; '~' starts no interview id), one row per version ("v0001",
/// ...). A version is only ever added, never changed, so running interviews keep theirs. The plan's JSON is one <see cref="LongString"/>
/// ("Plan", "Plan_1", ...), checked against Table Storage's limits before it is sent.
/// </summary>
internal sealed class TablePlanStore(TableServiceClient service, IOptions<StorageOptions> options) : IPlanStore
{
    private const string Prefix = "~plan-";
    private readonly TableClient _table = service.GetTableClient(options.Value.SessionsTable);

    public async Task<PinnedPlan?> GetAsync(string planId, int? version, CancellationToken ct)
    {
        if (version is { } v)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(Prefix + planId, Key(v), cancellationToken: ct);
            return row.HasValue ? Read(row.Value!) : null;
        }

        TableEntity? latest = null;
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Prefix + planId, cancellationToken: ct))
        {
            latest = row; // rows come in key order: the last is the newest version
        }

        return latest is null ? null : Read(latest);
    }

    public async Task<int> AddAsync(InterviewPlan plan, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var next = ((await GetAsync(plan.Id, null, ct))?.Version ?? 0) + 1;
            try
            {
                var row = new TableEntity(Prefix + plan.Id, Key(next)) { ["Role"] = plan.Role, ["Version"] = next };
                LongString.Put(row, "Plan", PlanJson.Write(plan));
                TableLimits.Check(row);
                await _table.AddEntityAsync(row, ct);
                return next;
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && attempt < 5)
            {
                // Someone saved this plan at the same moment: take the version after theirs.
            }
        }
    }

    public async Task<IReadOnlyList<PlanListing>> ListAsync(CancellationToken ct)
    {
        var latest = new Dictionary<string, PlanListing>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Prefix} and PartitionKey lt {"~plan."}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "Role", "Version"],
            cancellationToken: ct))
        {
            var id = row.PartitionKey[Prefix.Length..];
            latest[id] = new PlanListing(id, row.GetString("Role"), PlanListing.Stored, row.GetInt32("Version") ?? 0);
        }

        return [.. latest.Values.OrderBy(p => p.PlanId, StringComparer.Ordinal)];
    }

    private static string Key(int version) => string.Create(CultureInfo.InvariantCulture, $"v{version:D4}");

    private static PinnedPlan Read(TableEntity row)
    {
        return new PinnedPlan(PlanJson.Parse(LongString.Get(row, "Plan") ?? ""), row.GetInt32("Version") ?? 0);
    }
}
