using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Interview.Core.Recruiting;
using Interview.Functions.Http;
using Interview.Functions.Security;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Interview.Functions.Webhooks;

/// <summary>
/// A hiring team's tracker subscribes to events (<see cref="HiringEvent.Types"/>) and gets them signed, at least once
/// (docs/webhooks.md). The recruiter page lists each subscription's deliveries and replays one.
/// </summary>
public sealed partial class WebhookFunctions(TableWebhookStore store, HiringEvents events, InterviewAccess access, RecruiterAudit audit,
    TimeProvider clock)
{
    public sealed record WebhookRequest(string? Url, IReadOnlyList<string>? Events);

    public sealed record CreatedWebhook(string Id, string Url, IReadOnlyList<string> Events, string Secret, DateTime CreatedAt,
        string CreatedBy);

    public sealed record WebhookList(IReadOnlyList<WebhookListing> Items);

    public sealed record DeliveryList(IReadOnlyList<WebhookDelivery> Items);

    private const int ListedDeliveries = 100;

    [Function("CreateWebhook")]
    [Access(Credential.Recruiter)]
    [Described("manage", "Subscribe a URL to events; the answer holds the signing secret, shown this once")]
    [Body("application/json", typeof(WebhookRequest))]
    [Returns(Status201Created, typeof(CreatedWebhook))]
    [Refuses(Status400BadRequest, Status413PayloadTooLarge, Status415UnsupportedMediaType)]
    public async Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/webhooks")] HttpRequest request)
    {
        var ct = request.HttpContext.RequestAborted;
        var (body, problem) = await JsonBody.ReadAsync<WebhookRequest>(request, 16 * 1024, "{url, events: [\"interview.ended\", ...]}",
            optional: false, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (Problems(body!) is { Count: > 0 } problems)
        {
            return Http.Problems.Create(ErrorCodes.InvalidField, "The subscription has problems; every one is listed in errors.", problems);
        }

        var actor = access.ActorOf(request.HttpContext);
        var webhook = new WebhookSubscription("wh_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), body!.Url!,
            [.. body.Events!.Distinct(StringComparer.Ordinal)], WebhookSignature.NewSecret(), clock.GetUtcNow().UtcDateTime, actor.Name);
        await store.AddAsync(webhook, ct);
        await audit.RecordAsync(request, AuditActions.WebhookCreate);
        return TypedResults.Created($"/manage/webhooks/{webhook.Id}",
            new CreatedWebhook(webhook.Id, webhook.Url, webhook.Events, webhook.Secret, webhook.CreatedAt, webhook.CreatedBy));
    }

    [Function("ListWebhooks")]
    [Access(Credential.Recruiter)]
    [Described("manage", "The subscriptions (without their secrets)")]
    [Returns(Status200OK, typeof(WebhookList))]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/webhooks")] HttpRequest request) =>
        TypedResults.Ok(new WebhookList([.. (await store.ListAsync(request.HttpContext.RequestAborted))
            .OrderBy(w => w.CreatedAt).Select(w => w.Listing)]));

    [Function("DeleteWebhook")]
    [Access(Credential.Recruiter)]
    [Described("manage", "Unsubscribe: no more deliveries, and the delivery log goes too (repeatable)")]
    [Returns(Status204NoContent)]
    public async Task<IResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "manage/webhooks/{webhook_id}")] HttpRequest request)
    {
        if (WebhookId(request) is { } id)
        {
            await store.DeleteAsync(id, request.HttpContext.RequestAborted);
            await audit.RecordAsync(request, AuditActions.WebhookDelete);
        }

        return TypedResults.NoContent();
    }

    [Function("ListWebhookDeliveries")]
    [Access(Credential.Recruiter)]
    [Described("manage", "A subscription's newest deliveries: state, attempts, the last answer and the next try")]
    [Returns(Status200OK, typeof(DeliveryList))]
    [Refuses(Status404NotFound)]
    public async Task<IResult> DeliveriesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/webhooks/{webhook_id}/deliveries")] HttpRequest request)
    {
        var ct = request.HttpContext.RequestAborted;
        if (WebhookId(request) is not { } id || await store.GetAsync(id, ct) is null)
        {
            return NoSuchWebhook();
        }

        return TypedResults.Ok(new DeliveryList(await store.ListDeliveriesAsync(id, ListedDeliveries, ct)));
    }

    [Function("ReplayWebhookDelivery")]
    [Access(Credential.Recruiter)]
    [Described("manage", "Send a delivery again, with its webhook-id, on the same retry schedule")]
    [Returns(Status202Accepted, typeof(WebhookDelivery))]
    [Refuses(Status404NotFound)]
    public async Task<IResult> ReplayAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/webhooks/{webhook_id}/deliveries/{delivery_id}/replay")]
        HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        var ct = request.HttpContext.RequestAborted;
        var messageId = request.RouteValues["delivery_id"] as string;
        if (WebhookId(request) is not { } id || await store.GetAsync(id, ct) is null || messageId is null || !MessageId().IsMatch(messageId)
            || await events.ReplayAsync(client, id, messageId, ct) is not { } replayed)
        {
            return NoSuchWebhook();
        }

        await audit.RecordAsync(request, AuditActions.WebhookReplay);
        return TypedResults.Accepted($"/manage/webhooks/{id}/deliveries", replayed);
    }

    /// <summary>Every reason the subscription cannot be saved: an https URL (http only to this machine), known events.</summary>
    private static List<string> Problems(WebhookRequest body)
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(body.Url, UriKind.Absolute, out var url) || body.Url!.Length > 2000
            || !(url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp && IsLoopback(url)) || url.UserInfo.Length > 0
            || url.Fragment.Length > 0)
        {
            problems.Add("url: an absolute https URL (http only to localhost), without credentials or fragment, at most 2000 characters.");
        }

        if (body.Events is not { Count: > 0 } wanted || wanted.Any(e => !HiringEvent.Types.Contains(e)))
        {
            problems.Add($"events: one or more of {string.Join(", ", HiringEvent.Types)}.");
        }

        return problems;
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);

    private static string? WebhookId(HttpRequest request) =>
        request.RouteValues["webhook_id"] is string id && Id().IsMatch(id) ? id : null;

    private static IResult NoSuchWebhook() =>
        Http.Problems.Create(ErrorCodes.WebhookNotFound, "There is no such webhook or delivery; GET /manage/webhooks lists them.");

    [GeneratedRegex("^wh_[0-9a-f]{16}$")]
    private static partial Regex Id();

    [GeneratedRegex("^msg_[0-9a-f]{32}$")]
    private static partial Regex MessageId();
}
