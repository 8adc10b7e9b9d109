using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Interview.Functions.Storage;
using Interview.Core.Evaluation;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Evaluation;

/// <summary>
/// Evaluations live in the interview's own partition: a row per version ("v001") holding status, reason and the
/// report, and a checkpoint row per scored competency ("v001.c.system_design").
/// </summary>
internal sealed class TableEvaluationStore(TableServiceClient service, IOptions<StorageOptions> options, TimeProvider clock) : IEvaluationStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableClient _table = service.GetTableClient(options.Value.SessionsTable);

    public async Task<EvaluationRecord?> GetAsync(string interviewId, int? version, CancellationToken ct)
    {
        if (version is { } v)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(interviewId, Key(v), cancellationToken: ct);
            return row.HasValue ? Read(row.Value!) : null;
        }

        // Version rows sort by number and checkpoint rows carry a dot, so the last dot-less row is the latest.
        EvaluationRecord? latest = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {interviewId} and RowKey ge {"v"} and RowKey lt {"w"}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
        {
            if (!e.RowKey.Contains('.', StringComparison.Ordinal))
            {
                latest = new EvaluationRecord(interviewId, int.Parse(e.RowKey[1..], System.Globalization.CultureInfo.InvariantCulture), "", null, default, default, null);
            }
        }

        return latest is null ? null : await GetAsync(interviewId, latest.Version, ct);
    }

    public async Task<bool> TryCreateAsync(string interviewId, int version, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        try
        {
            await _table.AddEntityAsync(new TableEntity(interviewId, Key(version))
            {
                ["Status"] = EvaluationStatus.Pending,
                ["CreatedAt"] = now,
                ["UpdatedAt"] = now,
            }, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public Task SetStatusAsync(string interviewId, int version, string status, string? reason, CancellationToken ct) =>
        _table.UpdateEntityAsync(new TableEntity(interviewId, Key(version))
        {
            ["Status"] = status,
            ["Reason"] = reason,
            ["UpdatedAt"] = clock.GetUtcNow(),
        }, ETag.All, TableUpdateMode.Merge, ct);

    public async Task<IReadOnlyDictionary<string, CompetencyScore>> CheckpointsAsync(string interviewId, int version, CancellationToken ct)
    {
        var prefix = $"{Key(version)}.c.";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {interviewId} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var scores = new Dictionary<string, CompetencyScore>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var score = JsonSerializer.Deserialize<CompetencyScore>(e.GetString("Score"), Json)!;
            scores[score.Name] = score;
        }

        return scores;
    }

    // Upsert: a retried step that raced its own earlier attempt writes the same result twice, harmlessly.
    public Task CheckpointAsync(string interviewId, int version, CompetencyScore score, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(interviewId, $"{Key(version)}.c.{score.Name}")
        {
            ["Score"] = JsonSerializer.Serialize(score, Json),
        }, TableUpdateMode.Replace, ct);

    public Task CompleteAsync(EvaluationReport report, CancellationToken ct) =>
        _table.UpdateEntityAsync(new TableEntity(report.InterviewId, Key(report.Version))
        {
            ["Status"] = EvaluationStatus.Completed,
            ["Reason"] = null,
            ["UpdatedAt"] = clock.GetUtcNow(),
            ["Report"] = JsonSerializer.Serialize(report, Json),
        }, ETag.All, TableUpdateMode.Merge, ct);

    private static string Key(int version) => $"v{version:D3}";

    private static EvaluationRecord Read(TableEntity e) => new(
        e.PartitionKey,
        int.Parse(e.RowKey[1..], System.Globalization.CultureInfo.InvariantCulture),
        e.GetString("Status"),
        e.GetString("Reason"),
        e.GetDateTimeOffset("CreatedAt")!.Value.UtcDateTime,
        e.GetDateTimeOffset("UpdatedAt")!.Value.UtcDateTime,
        e.GetString("Report") is { } report ? JsonSerializer.Deserialize<EvaluationReport>(report, Json) : null);
}
