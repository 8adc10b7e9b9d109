using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Storage;

/// <summary>
/// Creates the table and container when missing, before the app starts listening, so the first
/// request never meets a missing resource. Retries while storage is still coming up (Azurite at boot).
/// </summary>
internal sealed partial class StorageInitializer(
    TableServiceClient tables,
    BlobServiceClient blobs,
    IOptions<StorageOptions> options,
    ILogger<StorageInitializer> logger) : IHostedService
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var started = DateTime.UtcNow;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Side by side: they are independent, and this is on the cold-start path.
                await Task.WhenAll(
                    tables.CreateTableIfNotExistsAsync(o.SessionsTable, cancellationToken),
                    blobs.GetBlobContainerClient(o.AudioContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken));
                Log.Ready(logger, o.SessionsTable, o.AudioContainer);
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException
                                       && DateTime.UtcNow - started < Deadline)
            {
                Log.NotReachable(logger, attempt, ex.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 200 * attempt)), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: table {Table}, container {Container}")]
        public static partial void Ready(ILogger logger, string table, string container);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Storage not reachable yet (attempt {Attempt}): {Reason}")]
        public static partial void NotReachable(ILogger logger, int attempt, string reason);
    }
}
