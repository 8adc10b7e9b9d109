namespace Interview.Functions.Webhooks;

/// <summary>A subscription: where to send which events, and the secret they are signed with (shown once, at creation).</summary>
public sealed record WebhookSubscription(
    string Id, string Url, IReadOnlyList<string> Events, string Secret, DateTime CreatedAt, string CreatedBy)
{
    /// <summary>The subscription as lists show it: everything but the secret.</summary>
    public WebhookListing Listing => new(Id, Url, Events, CreatedAt, CreatedBy);
}

public sealed record WebhookListing(string Id, string Url, IReadOnlyList<string> Events, DateTime CreatedAt, string CreatedBy);

/// <summary>
/// One event on its way to one subscription: <see cref="Id"/> is the message's <c>webhook-id</c>. <see cref="State"/> is
/// <c>pending</c> (another attempt at <see cref="NextAttemptAt"/>), <c>delivered</c> (a 2xx) or <c>failed</c> (the schedule ran out;
/// a replay sends it again).
/// </summary>
public sealed record WebhookDelivery(
    string Id, string WebhookId, string Type, string InterviewId, DateTime CreatedAt, string State, int Attempts, int? LastStatus,
    string? LastError, DateTime? LastAttemptAt, DateTime? NextAttemptAt)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}

/// <summary>What one attempt gave: the status (null when no answer came) or the reason it failed.</summary>
public sealed record DeliveryAttempt(int Attempt, int? Status, string? Error, DateTime At, DateTime? NextAttemptAt)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public string State => Succeeded ? WebhookDelivery.Delivered : NextAttemptAt is null ? WebhookDelivery.Failed : WebhookDelivery.Pending;
}
