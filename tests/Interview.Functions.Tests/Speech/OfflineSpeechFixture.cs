using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Speech;

/// <summary>
/// One app with the offline engines (pocketsphinx, flite) shared by a test class, and the spoken answer in the
/// formats that class needs. Each test class derives its own with its settings.
/// </summary>
public abstract class OfflineSpeechFixture(AzuriteFixture azurite, string[] formats, IDictionary<string, string>? settings = null)
    : IAsyncLifetime
{
    public InterviewApp App { get; } = new(azurite, settings: new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
    {
        ["Speech:Provider"] = "offline",
    });

    public HttpClient Client { get; private set; } = null!;

    public SpokenAudio Audio { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Audio = await SpokenAudio.CreateAsync(formats);
        Client = App.CreateClient();
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
