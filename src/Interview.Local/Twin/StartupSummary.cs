using Azure.Data.Tables;
using Interview.Functions.Evaluation;
using Interview.Functions.Interviewer;
using Interview.Local.Pages;
using Interview.Functions.Security;
using Interview.Functions.Speech;
using Interview.Functions.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Interview.Functions.Startup;

namespace Interview.Local.Twin;

/// <summary>
/// The twin: once it is ready (listening, and storage set up), one short block on stdout with what a newcomer needs next:
/// the page and the OpenAPI document at the address really bound, what runs (brain, speech, evaluator, security) and where
/// the data lives. The storage is named by its endpoint, never by its connection string, which holds the key. Gathered off
/// the start path, after what start-up left for later has been let start: it resolves most of the app.
/// </summary>
internal sealed class StartupSummary(IHostApplicationLifetime lifetime, IServer server, StartupWork work, IServiceProvider services)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The test server binds no address: there is nothing to open, so nothing to say.
        lifetime.ApplicationStarted.Register(() =>
        {
            if (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address)
            {
                _ = PrintWhenReadyAsync(Browsable(address));
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrintWhenReadyAsync(string url)
    {
        try
        {
            await work.Released;
            await work.WhenReady(StartupWork.Storage);
            Console.Out.Write(Text(url));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Storage never came: the app stops and says why on stderr (exit code 4).
        }
    }

    private string Text(string url)
    {
        var brain = services.GetRequiredService<IOptions<InterviewerOptions>>().Value.Brain;
        var model = brain switch
        {
            InterviewerOptions.AzureOpenAI
                => $" (deployment {services.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value.Deployment})",
            InterviewerOptions.OpenAICompatible
                => $" (model {services.GetRequiredService<IOptions<OpenAICompatibleOptions>>().Value.Model})",
            _ => "",
        };
        var taskHub = services.GetRequiredService<IOptions<EvaluationOptions>>().Value.TaskHub;
        var speech = services.GetRequiredService<SpeechSelection>().Provider;
        var (listens, speaks) = SpeechSelection.Capabilities(services.GetRequiredService<IServiceProviderIsService>());
        var securityOptions = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var recruiters = string.Join(" or ", new[]
        {
            services.GetRequiredService<IOptions<EntraOptions>>().Value.Enabled ? "Entra ID sign-in" : null,
            securityOptions.AdminKeyIfSet is null ? null : "X-Admin-Key",
        }.OfType<string>());
        var security = securityOptions.RequiresTokens
            ? $"token (join and session tokens; recruiters: {recruiters})"
            : "open (no tokens: anyone may call any interview)";
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var tables = services.GetRequiredService<TableServiceClient>();
        var page = services.GetRequiredService<IOptions<PageOptions>>().Value.Enabled ? $"{url}/" : "off (Page__Enabled=false)";
        return $"""

            Interview Functions is ready (laptop twin; Ctrl-C stops it)
              page       {page}
              OpenAPI    {url}/openapi/v1.json
              brain      {brain}{model}
              speech     {speech} (speech-to-text {(listens ? "on" : "off")}, text-to-speech {(speaks ? "on" : "off")})
              evaluator  {EvaluationSetup.ActiveEvaluator(services)}
              security   {security}
              data       {tables.Uri} (table {storage.SessionsTable}, container {storage.AudioContainer}, task hub {taskHub})


            """;
    }

    /// <summary>A wildcard bind (0.0.0.0, [::], +, *) is reachable from this machine as localhost.</summary>
    private static string Browsable(string address)
    {
        var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost",
            StringComparison.Ordinal));
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return new UriBuilder(uri) { Host = host }.Uri.ToString().TrimEnd('/');
    }
}
