using System.Text.Json.Nodes;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Docs;

/// <summary>local.settings.sample.json and docs/configuration.md's configuration table name the same settings.</summary>
public sealed class SettingsTableTests
{
    // Set by whoever starts the process, never in a settings file.
    private static readonly string[] StartedWith = ["ASPNETCORE_URLS", "--urls", "Functions__Worker__HostEndpoint"];

    [Fact]
    public void Every_sample_setting_is_documented_and_every_documented_setting_is_in_the_sample()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(AzuriteFixture.RepoRoot(), "local.settings.sample.json")))!["Values"]!
            .AsObject().Select(v => v.Key).Order().ToList();

        var documented = DocTables.Rows("docs/configuration.md", "setting", "default").SelectMany(row => DocTables.Names(row[0]))
            .Except(StartedWith).Order().ToList();

        Assert.Equal(sample, documented);
    }
}
