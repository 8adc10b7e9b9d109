using Azure;
using Azure.Data.Tables;
using Interview.Core.Recruiting;
using Interview.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Candidates;

/// <summary>
/// What candidates told about themselves, apart from their interviews: the sessions table's "~demographics" partition, a row
/// per interview. Nothing that builds a prompt, a transcript or an evaluation reads it; only the adverse-impact report does.
/// Erased with the interview.
/// </summary>
public sealed class TableDemographics(TableServiceClient service, IOptions<StorageOptions> options)
{
    private const string Partition = "~demographics";
    private readonly TableClient _table = service.GetTableClient(options.Value.SessionsTable);

    public async Task SaveAsync(string interviewId, Demographics demographics, CancellationToken ct) =>
        await _table.UpsertEntityAsync(new TableEntity(Partition, interviewId)
        {
            ["Sex"] = demographics.Sex,
            ["RaceEthnicity"] = demographics.RaceEthnicity,
        }, TableUpdateMode.Replace, ct);

    /// <summary>Everyone's answers, by interview id.</summary>
    public async Task<IReadOnlyDictionary<string, Demographics>> AllAsync(CancellationToken ct)
    {
        var all = new Dictionary<string, Demographics>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
        {
            all[row.RowKey] = new Demographics(row.GetString("Sex") ?? "", row.GetString("RaceEthnicity") ?? "");
        }

        return all;
    }

    public async Task DeleteAsync(string interviewId, CancellationToken ct) =>
        await _table.DeleteEntityAsync(Partition, interviewId, ETag.All, ct);
}
