using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Interview.Functions.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Storage;

/// <summary>With an account name (as the infra sets), storage is reached by service URI and identity, never a key.</summary>
public sealed class IdentityStorageTests
{
    [Fact]
    public void Account_name_selects_service_uris_and_token_credentials()
    {
        using var services = Services(new() { ["Storage:AccountName"] = "stinterview", ["Storage:ConnectionString"] = "" });

        Assert.Equal(new Uri("https://stinterview.table.core.windows.net/"), services.GetRequiredService<TableServiceClient>().Uri);
        var blobs = services.GetRequiredService<BlobServiceClient>();
        Assert.Equal(new Uri("https://stinterview.blob.core.windows.net/"), blobs.Uri);
        Assert.False(blobs.CanGenerateAccountSasUri, "on identity there is no account key: audio URLs use a user delegation key");
    }

    [Fact]
    public void Without_an_account_name_the_connection_string_is_used()
    {
        using var services = Services(new() { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true" });

        Assert.Equal(10002, services.GetRequiredService<TableServiceClient>().Uri.Port);
        Assert.True(services.GetRequiredService<BlobServiceClient>().CanGenerateAccountSasUri);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddInterviewStorage();
        return builder.Services.BuildServiceProvider();
    }
}
