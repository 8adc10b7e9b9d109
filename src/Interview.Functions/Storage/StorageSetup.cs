using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Interview.Core.Agent;
using Interview.Core.Sessions;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Storage;

public static class StorageSetup
{
    public static IHostApplicationBuilder AddInterviewStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.UsesIdentity || !string.IsNullOrEmpty(o.ConnectionString), "Set Storage:AccountName (identity) or Storage:ConnectionString.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());

        // In Azure: service URIs and the managed identity. Locally: the Azurite connection string.
        builder.Services.AddAzureClients(clients =>
        {
            clients.AddClient<TableServiceClient, TableClientOptions>((o, sp) => Storage(sp) is { UsesIdentity: true } s
                ? new TableServiceClient(s.ServiceUri("table"), sp.GetRequiredService<TokenCredential>(), o)
                : new TableServiceClient(Storage(sp).ConnectionString, o));
            clients.AddClient<BlobServiceClient, BlobClientOptions>((o, sp) => Storage(sp) is { UsesIdentity: true } s
                ? new BlobServiceClient(s.ServiceUri("blob"), sp.GetRequiredService<TokenCredential>(), o)
                : new BlobServiceClient(Storage(sp).ConnectionString, o));
        });

        builder.Services.AddSingleton<ISessionStore, TableSessionStore>();
        builder.Services.AddSingleton<BlobAudioStore>();
        builder.Services.AddSingleton<IAudioStore>(sp => sp.GetRequiredService<BlobAudioStore>());
        builder.Services.AddSingleton<IAudioLinks>(sp => sp.GetRequiredService<BlobAudioStore>());
        builder.Services.AddHostedService<StorageInitializer>();
        return builder;
    }

    private static StorageOptions Storage(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;
}
