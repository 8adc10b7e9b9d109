using Interview.Functions.Http;
using Interview.Functions.Security;
using Interview.Functions.Startup;
using Interview.Functions.Storage;


namespace Interview.Functions.Edge;

/// <summary>
/// The cross-cutting rules every HTTP function runs behind, written once for both hosts: rate limits (429 with
/// Retry-After), the interview id, token access, storage set up before a function that uses it, a time limit, and storage
/// outages (503) or bugs (500) as problem+json. Under the Functions host <see cref="WorkerEdgeMiddleware"/> calls it from
/// the worker's pipeline; the laptop twin calls it from ASP.NET Core.
/// </summary>
public sealed partial class EdgePipeline(RateLimits limits, InterviewAccess access, StartupWork work, ILogger<EdgePipeline> logger)
{
    /// <summary>Past this a request is abandoned with 503: nothing a turn does takes this long when providers are well.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(90);

    public async Task<IResult> RunAsync(HttpContext http, HttpFunction function, Func<Task<IResult>> invoke)
    {
        // The interview's budget is spent only by callers who proved they may use it (after access).
        var refusal = limits.CheckClient(http)
                      ?? (function.TakesInterviewId ? InterviewId.Check(http) : null)
                      ?? await access.CheckAsync(http, function.Access)
                      ?? limits.CheckInterview(http, function);
        if (refusal is not null)
        {
            return refusal;
        }

        var clientGone = http.RequestAborted;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(clientGone);
        deadline.CancelAfter(RequestTimeout);
        http.RequestAborted = deadline.Token;
        try
        {
            if (function.NeedsStorage)
            {
                await work.WhenReady(StartupWork.Storage).WaitAsync(http.RequestAborted);
            }

            return await invoke();
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !clientGone.IsCancellationRequested)
        {
            Log.TimedOut(logger, function.Name, (int)RequestTimeout.TotalSeconds);
            return Problems.Create(ErrorCodes.RequestTimeout,
                $"The request did not finish within {RequestTimeout.TotalSeconds:0} s; retry it.", TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (StorageOutage.Is(ex))
        {
            Log.StorageUnavailable(logger, ex, function.Name);
            return StorageOutage.Problem();
        }
        catch (Exception ex) when (!clientGone.IsCancellationRequested)
        {
            Log.Failed(logger, ex, function.Name);
            return Problems.Create(ErrorCodes.InternalError,
                "Something went wrong on our side; nothing was saved unless the state says so.");
        }
        finally
        {
            http.RequestAborted = clientGone;
            if (!work.Released.IsCompleted)
            {
                // Once this answer is out, what start-up left for later may start.
                http.Response.OnCompleted(() => Task.Run(work.Release));
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Storage unavailable while serving {Function}")]
        public static partial void StorageUnavailable(ILogger logger, Exception exception, string function);

        [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed")]
        public static partial void Failed(ILogger logger, Exception exception, string function);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} did not finish within {Seconds} s")]
        public static partial void TimedOut(ILogger logger, string function, int seconds);
    }
}
