using System.Text.Json;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace Interview.Api.Hosting;

/// <summary>
/// Makes one app behave the same standalone and under the Azure Functions host: settings from
/// local.settings.json like <c>func start</c>, and the port the host hands a custom handler.
/// </summary>
public static class FunctionsHosting
{
    public const string DefaultUrl = "http://localhost:7071";
    public const string CustomHandlerPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static WebApplicationBuilder AddFunctionsHosting(this WebApplicationBuilder builder)
    {
        AddLocalSettings(builder.Configuration, Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json"));

        var handlerPort = Environment.GetEnvironmentVariable(CustomHandlerPortVariable);
        if (!string.IsNullOrEmpty(handlerPort))
        {
            // The Functions host forwards requests to this port on loopback.
            builder.WebHost.UseUrls($"http://127.0.0.1:{handlerPort}");
        }
        else if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    /// <summary>
    /// The "Values" of local.settings.json, with Functions' "__" section separator, below environment
    /// variables so that a variable set in the shell still wins, as under <c>func start</c>.
    /// </summary>
    internal static void AddLocalSettings(ConfigurationManager configuration, string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("Values", out var values))
        {
            return;
        }

        var data = values.EnumerateObject()
            .Select(p => KeyValuePair.Create(p.Name.Replace("__", ":", StringComparison.Ordinal), (string?)p.Value.ToString()));
        var source = new MemoryConfigurationSource { InitialData = data };
        var sources = ((IConfigurationBuilder)configuration).Sources;
        var envIndex = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource);
        sources.Insert(envIndex < 0 ? sources.Count : envIndex, source);
    }
}
