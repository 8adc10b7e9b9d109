using Azure;
using Microsoft.AspNetCore.Diagnostics;

namespace Interview.Api.Storage;

/// <summary>
/// Storage that cannot be reached (after the SDK's own retries) is an outage, not a bug: answer 503 with
/// Retry-After so the client retries the same request, which is safe because nothing was committed.
/// </summary>
internal sealed partial class StorageUnavailableHandler(IProblemDetailsService problems, ILogger<StorageUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // A table, container or queue gone missing (storage restored or recreated under us) is an outage too, not a bug.
        var outage = exception is HttpRequestException or TimeoutException
                     || (exception is RequestFailedException { Status: 0 or 408 or 429 or >= 500 })
                     || (exception is RequestFailedException { Status: 404, ErrorCode: "TableNotFound" or "ContainerNotFound" or "QueueNotFound" });
        if (!outage)
        {
            return false;
        }

        Log.Unavailable(logger, exception, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "2";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage unavailable",
                Detail = "Interview storage could not be reached; nothing was saved. Retry the same request.",
                Extensions = { ["code"] = "storage_unavailable" },
            },
        });
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Storage unavailable while serving {Path}")]
        public static partial void Unavailable(ILogger logger, Exception exception, string path);
    }
}
