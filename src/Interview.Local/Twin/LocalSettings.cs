using System.Text.Json;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Configuration.Memory;

namespace Interview.Local.Twin;

/// <summary>Standalone reads local.settings.json the way <c>func start</c> does, so one file configures both.</summary>
public static class LocalSettings
{
    /// <summary>
    /// The "Values" of local.settings.json, with Functions' "__" section separator, below environment
    /// variables so that a variable set in the shell still wins, as under <c>func start</c>.
    /// </summary>
    public static void Add(ConfigurationManager configuration, string path)
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
            .Select(p => KeyValuePair.Create(p.Name.Replace("__", ":", StringComparison.Ordinal), (string?)p.Value.ToString()))
            .ToList(); // read now: the document is disposed, and the source is read again whenever sources change
        var source = new MemoryConfigurationSource { InitialData = data };
        var sources = ((IConfigurationBuilder)configuration).Sources;
        var envIndex = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource);
        sources.Insert(envIndex < 0 ? sources.Count : envIndex, source);
    }

    /// <summary>
    /// appsettings.json from beside the executable (log levels), lowest of all sources: scripts/run and the tests start the
    /// app from another working directory, where the host's own lookup would not find it.
    /// </summary>
    public static void AddAppDefaults(ConfigurationManager configuration)
    {
        var sources = ((IConfigurationBuilder)configuration).Sources;
        sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "appsettings.json",
            Optional = true,
            ReloadOnChange = false,
        });
    }
}
