using System.Globalization;
using Azure.Data.Tables;
using Interview.Core.Evaluation;
using Interview.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Evaluation;

/// <summary>Reports live in the interview's own partition, one row per version ("v001", "v002", ...).</summary>
internal sealed class TableEvaluationStore(TableServiceClient service, IOptions<StorageOptions> options) : IEvaluationStore
{
    private readonly TableClient _table = service.GetTableClient(options.Value.SessionsTable);

    public async Task<EvaluationReport?> GetAsync(string interviewId, int version, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(interviewId, Key(version), cancellationToken: ct);
        return row.HasValue ? StoredJson.Get<EvaluationReport>(row.Value!, "Report") : null;
    }

    /// <summary>
    /// In one transaction with a no-op touch of the session header at the ETag just read: if the interview was erased
    /// meanwhile (its header is a tombstone, or moved on), nothing is written and the activity fails, to be retried and
    /// then refused. A report can never outlive the erasure of its interview.
    /// </summary>
    public async Task SaveAsync(EvaluationReport report, CancellationToken ct)
    {
        var header = await _table.GetEntityIfExistsAsync<TableEntity>(report.InterviewId, SessionEntities.HeaderKey, cancellationToken: ct);
        if (!header.HasValue || SessionEntities.IsTombstone(header.Value!))
        {
            throw new EvaluationNotPossibleException($"Interview {report.InterviewId} was erased; its report is not stored.");
        }

        var row = new TableEntity(report.InterviewId, Key(report.Version))
        {
            ["CreatedAt"] = new DateTimeOffset(DateTime.SpecifyKind(report.CreatedAt, DateTimeKind.Utc)),
        };
        StoredJson.Put(row, "Report", report); // split past 32K characters: a report's length has no hard bound
        List<TableTransactionAction> batch =
        [
            new(TableTransactionActionType.UpsertReplace, row),
            new(TableTransactionActionType.UpdateMerge, new TableEntity(report.InterviewId, SessionEntities.HeaderKey), header.Value!.ETag),
        ];
        TableLimits.Check(batch);
        await _table.SubmitTransactionAsync(batch, ct);
    }

    public static string Key(int version) => string.Create(CultureInfo.InvariantCulture, $"v{version:D3}");
}
