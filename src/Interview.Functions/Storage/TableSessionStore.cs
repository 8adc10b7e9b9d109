using Azure;
using Azure.Data.Tables;
using Interview.Core.Domain;
using Interview.Core.Sessions;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Storage;

/// <summary>
/// Sessions in Table Storage. A load is one partition query (header, turns and at most one idempotency row);
/// a save is one entity-group transaction: new turn rows, the idempotency row, and the header guarded by its ETag.
/// </summary>
internal sealed class TableSessionStore(TableServiceClient service, IOptions<StorageOptions> options, TimeProvider clock) : ISessionStore
{
    private readonly TableClient _table = service.GetTableClient(options.Value.SessionsTable);

    public async Task<StoredSession?> LoadAsync(string interviewId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var idempotencyRow = idempotencyKey is null ? "-" : SessionEntities.IdempotencyKey(idempotencyKey);
        // Two filters joined as text: each quotes its own values; the parentheses close in the second.
        var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {interviewId} and (RowKey eq {SessionEntities.HeaderKey} or RowKey eq {idempotencyRow}")
            + TableClient.CreateQueryFilter(
                $" or (RowKey ge {SessionEntities.TurnPrefix} and RowKey lt {SessionEntities.TurnUpperBound}))");

        TableEntity? header = null, replay = null;
        var turns = new List<ConversationTurn>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            switch (e.RowKey)
            {
                case SessionEntities.HeaderKey: header = e; break;
                case var k when k.StartsWith(SessionEntities.TurnPrefix,
                    StringComparison.Ordinal): turns.Add(SessionEntities.ReadTurn(e)); break;
                default: replay = e; break;
            }
        }

        if (header is null || SessionEntities.IsTombstone(header))
        {
            return null;
        }

        // Rows come back in RowKey order, and turn keys are zero-padded, so turns are already in order.
        var state = SessionEntities.ReadHeader(header, turns);
        var record = replay is null ? null : SessionEntities.ReadIdempotency(replay, idempotencyKey!, turns);
        return new StoredSession(state, header.ETag.ToString(), record);
    }

    public async Task SaveAsync(StoredSession? before, SessionState after, IdempotencyRecord? idempotency,
        CancellationToken cancellationToken)
    {
        var actions = CommitBatch(before, after, idempotency);
        var id = after.InterviewId;
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // 412: the header's ETag moved on; 409: a row we add already exists. Either way someone else won.
            throw new SessionConflictException(id, ex);
        }
    }

    /// <summary>
    /// One commit: the new turn rows (and an interrupted line's mark), the idempotency row and the header. A turn adds two rows (answer and
    /// reply), so the batch is four entities; checked against every Table Storage limit, since Azurite enforces none of them.
    /// </summary>
    internal static List<TableTransactionAction> CommitBatch(StoredSession? before, SessionState after, IdempotencyRecord? idempotency)
    {
        var id = after.InterviewId;
        var known = before?.State.ConversationHistory.Count ?? 0;
        var actions = new List<TableTransactionAction>();
        for (var i = 0; i < known; i++)
        {
            // A stored line changes only when the candidate spoke over it (barge-in); the header's ETag guards the batch.
            if (before!.State.ConversationHistory[i] != after.ConversationHistory[i])
            {
                actions.Add(new(TableTransactionActionType.UpdateReplace,
                    SessionEntities.Turn(id, i, after.ConversationHistory[i]), ETag.All));
            }
        }

        for (var i = known; i < after.ConversationHistory.Count; i++)
        {
            actions.Add(new(TableTransactionActionType.Add, SessionEntities.Turn(id, i, after.ConversationHistory[i])));
        }

        if (idempotency is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, SessionEntities.Idempotency(id, idempotency)));
        }

        actions.Add(before is null
            ? new(TableTransactionActionType.Add, SessionEntities.Header(after))
            : new(TableTransactionActionType.UpdateReplace, SessionEntities.Header(after), new ETag(before.ETag)));
        TableLimits.Check(actions);
        return actions;
    }

    public async Task<int> TombstoneAsync(string interviewId, CancellationToken cancellationToken)
    {
        // Replacing the header moves its ETag on, so a turn, an end or a report in flight cannot commit after this.
        var header = await _table.GetEntityIfExistsAsync<TableEntity>(interviewId, SessionEntities.HeaderKey,
            cancellationToken: cancellationToken);
        var version = header.HasValue ? header.Value!.GetInt32("EvaluationVersion") ?? 0 : 0;
        if (!header.HasValue || !SessionEntities.IsTombstone(header.Value!))
        {
            await _table.UpsertEntityAsync(SessionEntities.Tombstone(interviewId, version, clock.GetUtcNow()), TableUpdateMode.Replace,
                cancellationToken);
        }

        return version;
    }

    public async Task EraseAsync(string interviewId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var e in _table.QueryAsync<TableEntity>(e => e.PartitionKey == interviewId, select: ["RowKey"],
            cancellationToken: cancellationToken))
        {
            if (e.RowKey != SessionEntities.HeaderKey)
            {
                keys.Add(e.RowKey);
            }
        }

        foreach (var batch in keys.Chunk(TableLimits.MaxBatchEntities))
        {
            await _table.SubmitTransactionAsync(batch.Select(k
                => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(interviewId, k), ETag.All)),
                cancellationToken);
        }
    }
}
