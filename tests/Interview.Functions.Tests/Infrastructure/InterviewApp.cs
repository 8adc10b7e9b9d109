using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Infrastructure;

/// <summary>
/// The real app over the real HTTP pipeline, on the shared Azurite, with its own table, container and task hub
/// so tests never see each other's data. <paramref name="services"/> swaps in test doubles where a test needs one.
/// </summary>
public sealed class InterviewApp(AzuriteFixture azurite, Action<IServiceCollection>? services = null, IDictionary<string,
    string>? settings = null)
    : WebApplicationFactory<global::Program>
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];

    public string TableName => $"interviews{_suffix}";

    public string ContainerName => $"audio-{_suffix}";

    /// <summary>The app's own Durable task hub: evaluations of two apps never meet.</summary>
    public string TaskHub => $"hub{_suffix}";

    public AzuriteFixture Azurite => azurite;

    /// <summary>The names of the app's audio blobs under <paramref name="prefix"/>, read from Azurite directly.</summary>
    public async Task<List<string>> BlobsAsync(string prefix)
    {
        var container = new Azure.Storage.Blobs.BlobContainerClient(azurite.ConnectionString, ContainerName);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None,
            Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
        builder.UseSetting("Storage:SessionsTable", TableName);
        builder.UseSetting("Storage:AudioContainer", ContainerName);
        builder.UseSetting("Evaluation:TaskHub", TaskHub);
        // Text only unless a test asks for speech: the offline engines would otherwise speak every reply.
        builder.UseSetting("Speech:Provider", "none");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(s => services?.Invoke(s));
    }
}
