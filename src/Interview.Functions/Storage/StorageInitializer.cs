using System.Diagnostics;
using System.Net.Sockets;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Interview.Functions.Startup;

namespace Interview.Functions.Storage;

/// <summary>
/// Creates the table and container when missing, in the background while the app starts listening (a
/// <see cref="StartupWork"/> piece the edge awaits before any function that uses storage, so no request meets a missing
/// resource). Retries while storage is still coming up (Azurite at boot) for up to Storage:StartupTimeout, then stops the
/// app with <see cref="StorageUnreachableException"/>, which Launcher reports as a failed start.
/// </summary>
internal sealed partial class StorageInitializer(IServiceProvider services, StartupWork work) : IHostedService
{
    /// <summary>Azurite listens within a second or two of starting, so a port still refusing after this has nothing behind it.</summary>
    private static readonly TimeSpan RefusedDeadline = TimeSpan.FromSeconds(5);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        work.Begin(StartupWork.Storage, CreateAsync, fatal: true);
        return Task.CompletedTask;
    }

    // The clients are made here, not in the constructor: making them is part of the work kept off the start.
    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        var (tables, blobs) = (services.GetRequiredService<TableServiceClient>(), services.GetRequiredService<BlobServiceClient>());
        var logger = services.GetRequiredService<ILogger<StorageInitializer>>();
        var o = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var waited = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            // Side by side: they are independent, and this is on the cold-start path. The first failure ends the attempt: the
            // blob client's own retries would otherwise hold it for half a minute after the table client has given up.
            using var attemptStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var table = tables.CreateTableIfNotExistsAsync(o.SessionsTable, attemptStop.Token);
            var container = blobs.GetBlobContainerClient(o.AudioContainer).CreateIfNotExistsAsync(cancellationToken: attemptStop.Token);
            try
            {
                await await Task.WhenAny(table, container);
                await Task.WhenAll(table, container);
                Log.Ready(logger, o.SessionsTable, o.AudioContainer);
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException)
            {
                await attemptStop.CancelAsync();
                var endpoint = table.IsFaulted ? tables.Uri : blobs.Uri;
                var refused = Refused(ex);
                if (waited.Elapsed >= (refused && RefusedDeadline < o.StartupTimeout ? RefusedDeadline : o.StartupTimeout))
                {
                    throw new StorageUnreachableException(endpoint, Reason(ex), refused, waited.Elapsed, ex);
                }

                Log.NotReachable(logger, attempt, endpoint, Reason(ex));
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 200 * attempt)), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool Refused(Exception ex)
        => Causes(ex).OfType<SocketException>().Any(s => s.SocketErrorCode == SocketError.ConnectionRefused);

    /// <summary>
    /// The innermost cause ("Connection refused (127.0.0.1:10002)", "403 AuthorizationFailure"), not the SDK's retry summary.
    /// </summary>
    private static string Reason(Exception ex) => Causes(ex).LastOrDefault(e => e is RequestFailedException { Status: > 0 })
        is RequestFailedException failed
        ? $"{failed.Status} {failed.ErrorCode}".TrimEnd()
        : Causes(ex).Last().Message;

    private static IEnumerable<Exception> Causes(Exception ex)
    {
        for (var e = ex is AggregateException { InnerExceptions.Count: > 0 } all ? all.InnerExceptions[^1] : ex; e
            is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: table {Table}, container {Container}")]
        public static partial void Ready(ILogger logger, string table, string container);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Storage at {Endpoint} not reachable yet (attempt {Attempt}): {Reason}")]
        public static partial void NotReachable(ILogger logger, int attempt, Uri endpoint, string reason);
    }
}
