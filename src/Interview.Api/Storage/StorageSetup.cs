using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Interview.Core.Agent;
using Interview.Core.Sessions;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Options;

namespace Interview.Api.Storage;

public static class StorageSetup
{
    public static WebApplicationBuilder AddInterviewStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddAzureClients(clients =>
        {
            clients.AddClient<TableServiceClient, TableClientOptions>((o, sp) => new TableServiceClient(Connection(sp), o));
            clients.AddClient<BlobServiceClient, BlobClientOptions>((o, sp) => new BlobServiceClient(Connection(sp), o));
            // Base64 is what a Functions queueTrigger expects by default.
            clients.AddClient<QueueServiceClient, QueueClientOptions>((o, sp) =>
            {
                o.MessageEncoding = QueueMessageEncoding.Base64;
                return new QueueServiceClient(Connection(sp), o);
            });
        });

        builder.Services.AddSingleton<ISessionStore, TableSessionStore>();
        builder.Services.AddSingleton<BlobAudioStore>();
        builder.Services.AddSingleton<IAudioStore>(sp => sp.GetRequiredService<BlobAudioStore>());
        builder.Services.AddHostedService<StorageInitializer>();
        builder.Services.AddExceptionHandler<StorageUnavailableHandler>();
        return builder;
    }

    private static string Connection(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString;
}
