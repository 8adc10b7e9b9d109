using Azure;
using Grpc.Core;
using Interview.Functions.Http;

namespace Interview.Functions.Storage;

/// <summary>
/// Storage (or the task hub engine in front of it) that cannot be reached (after the SDK's own retries) is an outage, not a bug: the edge
/// answers 503 with Retry-After so the client retries the same request, which is safe because nothing was committed.
/// </summary>
public static class StorageOutage
{
    public static bool Is(Exception exception) =>
        exception is HttpRequestException or TimeoutException or Storage.StorageUnreachableException
        || exception is RequestFailedException { Status: 0 or 408 or 429 or >= 500 }
        // A table, container or queue gone missing (storage restored or recreated under us) is an outage too.
        || exception is RequestFailedException { Status: 404, ErrorCode: "TableNotFound" or "ContainerNotFound" or "QueueNotFound" }
        // The task hub's engine (the standalone sidecar, or the Functions host's) out of reach or overloaded: its state is in storage.
        || exception is RpcException { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted }
        || exception is AggregateException { InnerExceptions: var inner } && inner.All(Is);

    public const string Detail = "Interview storage could not be reached; nothing was saved. Retry the same request.";

    public static IResult Problem() => Problems.Create(ErrorCodes.StorageUnavailable, Detail, TimeSpan.FromSeconds(2));
}
