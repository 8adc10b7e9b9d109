using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Interview.Core.Evaluation;
using Interview.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Evaluation;

/// <summary>Reports live in the interview's own partition, one row per version ("v001", "v002", ...).</summary>
internal sealed class TableEvaluationStore(TableServiceClient service, IOptions<StorageOptions> options) : IEvaluationStore
{
    private static readonly JsonSerializerOptions Json = StoredJson.Options;
    private readonly TableClient _table = service.GetTableClient(options.Value.SessionsTable);

    public async Task<EvaluationReport?> GetAsync(string interviewId, int version, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(interviewId, Key(version), cancellationToken: ct);
        return row.HasValue && row.Value!.GetString("Report") is { } report ? JsonSerializer.Deserialize<EvaluationReport>(report, Json) : null;
    }

    public Task SaveAsync(EvaluationReport report, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(report.InterviewId, Key(report.Version))
        {
            ["Report"] = JsonSerializer.Serialize(report, Json),
            ["CreatedAt"] = new DateTimeOffset(DateTime.SpecifyKind(report.CreatedAt, DateTimeKind.Utc)),
        }, TableUpdateMode.Replace, ct);

    public static string Key(int version) => string.Create(CultureInfo.InvariantCulture, $"v{version:D3}");
}
