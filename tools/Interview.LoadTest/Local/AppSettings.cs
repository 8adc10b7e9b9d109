using System.Globalization;

namespace Interview.LoadTest.Local;

/// <summary>The app's environment for a run: this Azurite, text only, no evaluation listener, open security without rate limits.</summary>
public static class AppSettings
{

    /// <summary>Variables to set; a null value removes one inherited from this process.</summary>
    public static Dictionary<string, string?> For(Uri appUrl, (int Blob, int Queue, int Table) ports, FakeChatModel? model)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = appUrl.ToString().TrimEnd('/'),
            ["Functions__Worker__HostEndpoint"] = null, // it would start the isolated worker instead of standalone
            ["Storage__AccountName"] = null,
            ["Storage__ConnectionString"] = Loopback.AzuriteConnection(ports.Blob, ports.Queue, ports.Table),
            ["Speech__Provider"] = "none",
            ["Logging__LogLevel__Default"] = "Warning",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = null,
            // All clients share one loopback address, so a per-client rate limit would throttle the whole run.
            ["Security__Mode"] = "open",
            ["Security__RateLimit__Enabled"] = "false",
            ["Interviewer__Brain"] = model is null ? "rules" : "azure-openai",
        };
        if (model is not null)
        {
            settings["AzureOpenAI__Endpoint"] = model.BaseUrl.ToString();
            settings["AzureOpenAI__Deployment"] = "x";
            settings["AzureOpenAI__ApiKey"] = "x";
            settings["Interviewer__RetryBudget"] = "00:00:02";
            settings["Interviewer__CallTimeout"] = "00:00:01";
        }

        return settings;
    }
}
