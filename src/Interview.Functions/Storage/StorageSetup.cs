using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Interview.Core.Agent;
using Interview.Core.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Interview.Core.Speech;
using Interview.Functions.Startup;

namespace Interview.Functions.Storage;

public static class StorageSetup
{
    public static IHostApplicationBuilder AddInterviewStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateAnnotations<StorageOptions,
            StorageOptionsValidator>()
            .Validate(o => o.UsesIdentity || !string.IsNullOrEmpty(o.ConnectionString),
                "Set Storage:AccountName (identity) or Storage:ConnectionString.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());

        // In Azure: service URIs and the managed identity. Locally: the Azurite connection string. Made on first use, which
        // start-up leaves to the background (StorageInitializer).
        builder.Services.AddSingleton(sp => Storage(sp) is { UsesIdentity: true } s
            ? new TableServiceClient(s.ServiceUri("table"), sp.GetRequiredService<TokenCredential>())
            : new TableServiceClient(Storage(sp).ConnectionString));
        builder.Services.AddSingleton(sp => Storage(sp) is { UsesIdentity: true } s
            ? new BlobServiceClient(s.ServiceUri("blob"), sp.GetRequiredService<TokenCredential>())
            : new BlobServiceClient(Storage(sp).ConnectionString));

        builder.Services.AddSingleton<ISessionStore, TableSessionStore>();
        builder.Services.AddSingleton<BlobAudioStore>();
        builder.Services.AddSingleton<IAudioStore>(sp => sp.GetRequiredService<BlobAudioStore>());
        builder.Services.AddSingleton<IAudioLinks>(sp => sp.GetRequiredService<BlobAudioStore>());
        builder.Services.AddHostedService<StorageInitializer>();
        return builder;
    }

    private static StorageOptions Storage(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;
}
