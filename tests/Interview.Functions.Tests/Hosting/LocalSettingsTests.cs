using Interview.Local.Twin;
using Microsoft.Extensions.Configuration;

namespace Interview.Functions.Tests.Hosting;

public sealed class LocalSettingsTests
{
    [Fact]
    public void Values_from_local_settings_use_double_underscore_sections_and_lose_to_environment_variables()
    {
        // A variable name of its own, so tests running in parallel never see it.
        var variable = $"Interview__Probe{Guid.NewGuid():N}";
        var path = Path.Combine(Path.GetTempPath(), $"local.settings.{Guid.NewGuid():N}.json");
        File.WriteAllText(path,
            $$"""{ "IsEncrypted": false, "Values": { "{{variable}}": "fromfile", "Interview__MaxTextChars": "123" } }""");
        try
        {
            Environment.SetEnvironmentVariable(variable, "fromenv");
            var configuration = new ConfigurationManager();
            configuration.AddEnvironmentVariables();
            LocalSettings.Add(configuration, path);
            LocalSettings.AddAppDefaults(configuration); // as standalone does next: the sources are read again

            Assert.Equal("123", configuration["Interview:MaxTextChars"]);
            Assert.Equal("fromenv", configuration[variable.Replace("__", ":", StringComparison.Ordinal)]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_local_settings_file_adds_nothing()
    {
        var configuration = new ConfigurationManager();
        LocalSettings.Add(configuration, Path.Combine(Path.GetTempPath(), "no-such-dir", "local.settings.json"));
        Assert.Empty(configuration.AsEnumerable());
    }
}
