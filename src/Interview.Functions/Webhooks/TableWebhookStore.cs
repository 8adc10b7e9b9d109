using Azure;
using Azure.Data.Tables;
using Interview.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Webhooks;

/// <summary>
/// Webhooks in the sessions table ('~' starts no interview id): the subscriptions in one partition ("~webhooks", a row each), and
/// each subscription's deliveries in its own ("~webhook-" + id, a row per message id, with the signed body).
/// </summary>
public sealed class TableWebhookStore(TableServiceClient service, IOptions<StorageOptions> options)
{
    private const string Subscriptions = "~webhooks";
    private const string DeliveriesOf = "~webhook-";
    private readonly TableClient _table = service.GetTableClient(options.Value.SessionsTable);

    public async Task AddAsync(WebhookSubscription webhook, CancellationToken ct) =>
        await _table.AddEntityAsync(new TableEntity(Subscriptions, webhook.Id)
        {
            ["Url"] = webhook.Url,
            ["Events"] = string.Join(',', webhook.Events),
            ["Secret"] = webhook.Secret,
            ["CreatedAt"] = DateTime.SpecifyKind(webhook.CreatedAt, DateTimeKind.Utc),
            ["CreatedBy"] = webhook.CreatedBy,
        }, ct);

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken ct)
    {
        var all = new List<WebhookSubscription>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Subscriptions, cancellationToken: ct))
        {
            all.Add(Read(row));
        }

        return all;
    }

    public async Task<WebhookSubscription?> GetAsync(string id, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Subscriptions, id, cancellationToken: ct);
        return row.HasValue ? Read(row.Value!) : null;
    }

    /// <summary>Removes the subscription and its delivery log; a delivery still on its way finds it gone and stops.</summary>
    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        await _table.DeleteEntityAsync(Subscriptions, id, ETag.All, ct);
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == DeliveriesOf + id, select: ["RowKey"],
            cancellationToken: ct))
        {
            await _table.DeleteEntityAsync(DeliveriesOf + id, row.RowKey, ETag.All, ct);
        }
    }

    /// <summary>Deletes every delivery about an erased interview, from every subscription's log.</summary>
    public async Task ForgetInterviewAsync(string interviewId, CancellationToken ct)
    {
        foreach (var webhook in await ListAsync(ct))
        {
            var partition = DeliveriesOf + webhook.Id;
            var about = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and InterviewId eq {interviewId}");
            await foreach (var row in _table.QueryAsync<TableEntity>(about, select: ["RowKey"], cancellationToken: ct))
            {
                await _table.DeleteEntityAsync(partition, row.RowKey, ETag.All, ct);
            }
        }
    }

    /// <summary>Adds the delivery unless this message is already on its way to this subscription (false then).</summary>
    public async Task<bool> AddDeliveryAsync(WebhookDelivery delivery, string body, CancellationToken ct)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(DeliveriesOf + delivery.WebhookId, delivery.Id)
            {
                ["Type"] = delivery.Type,
                ["InterviewId"] = delivery.InterviewId,
                ["CreatedAt"] = DateTime.SpecifyKind(delivery.CreatedAt, DateTimeKind.Utc),
                ["State"] = delivery.State,
                ["Attempts"] = 0,
                ["Body"] = body,
            }, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<(WebhookDelivery Delivery, string Body)?> GetDeliveryAsync(string webhookId, string id, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(DeliveriesOf + webhookId, id, cancellationToken: ct);
        return row.HasValue ? (ReadDelivery(row.Value!), row.Value!.GetString("Body") ?? "") : null;
    }

    /// <summary>The newest <paramref name="limit"/> deliveries of a subscription.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string webhookId, int limit, CancellationToken ct)
    {
        var all = new List<WebhookDelivery>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == DeliveriesOf + webhookId,
            select: ["PartitionKey", "RowKey", "Type", "InterviewId", "CreatedAt", "State", "Attempts", "LastStatus", "LastError",
                "LastAttemptAt", "NextAttemptAt"], cancellationToken: ct))
        {
            all.Add(ReadDelivery(row));
        }

        return [.. all.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).Take(limit)];
    }

    public async Task RecordAsync(string webhookId, string id, DeliveryAttempt attempt, CancellationToken ct) =>
        await _table.UpdateEntityAsync(new TableEntity(DeliveriesOf + webhookId, id)
        {
            ["State"] = attempt.State,
            ["Attempts"] = attempt.Attempt,
            ["LastStatus"] = attempt.Status,
            ["LastError"] = attempt.Error,
            ["LastAttemptAt"] = DateTime.SpecifyKind(attempt.At, DateTimeKind.Utc),
            ["NextAttemptAt"] = attempt.NextAttemptAt is { } next ? DateTime.SpecifyKind(next, DateTimeKind.Utc) : null,
        }, ETag.All, TableUpdateMode.Merge, ct);

    /// <summary>Marks a delivery pending again before a replay sends it.</summary>
    public async Task ReopenAsync(string webhookId, string id, CancellationToken ct) =>
        await _table.UpdateEntityAsync(new TableEntity(DeliveriesOf + webhookId, id) { ["State"] = WebhookDelivery.Pending },
            ETag.All, TableUpdateMode.Merge, ct);

    private static WebhookSubscription Read(TableEntity row) => new(row.RowKey, row.GetString("Url"),
        (row.GetString("Events") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries), row.GetString("Secret"),
        row.GetDateTimeOffset("CreatedAt")?.UtcDateTime ?? default, row.GetString("CreatedBy") ?? "");

    private static WebhookDelivery ReadDelivery(TableEntity row) => new(row.RowKey, row.PartitionKey[DeliveriesOf.Length..],
        row.GetString("Type"), row.GetString("InterviewId"), row.GetDateTimeOffset("CreatedAt")?.UtcDateTime ?? default,
        row.GetString("State"), row.GetInt32("Attempts") ?? 0, row.GetInt32("LastStatus"), row.GetString("LastError"),
        row.GetDateTimeOffset("LastAttemptAt")?.UtcDateTime,
        row.GetString("State") == WebhookDelivery.Pending ? row.GetDateTimeOffset("NextAttemptAt")?.UtcDateTime : null);
}
