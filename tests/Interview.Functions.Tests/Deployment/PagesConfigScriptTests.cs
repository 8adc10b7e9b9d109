using System.Text.Json.Nodes;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Deployment;

/// <summary>
/// scripts/pages-config, the azd predeploy hook, run with the values azd would hand it: it builds the pages folder
/// into a temp directory with config.json in the contract's exact shape, and leaves the source tree alone.
/// </summary>
public sealed class PagesConfigScriptTests : IDisposable
{
    private static readonly string Root = AzuriteFixture.RepoRoot();
    private readonly string _out = Path.Combine(Path.GetTempPath(), "pages-config-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Writes_the_api_address_and_sign_in_settings_from_the_azd_environment()
    {
        var (exit, output) = await RunAsync(
            ("FUNCTION_URL", "https://func-abc.azurewebsites.net/"),
            ("ENTRA_CLIENT_ID", "11111111-2222-3333-4444-555555555555"),
            ("ENTRA_AUTHORITY", "https://login.microsoftonline.com/99999999-8888-7777-6666-555555555555"),
            ("ENTRA_API_SCOPE", "api://11111111-2222-3333-4444-555555555555/Interviews.Access"));

        Assert.True(exit == 0, output);
        var expected = JsonNode.Parse("""
            {"api_base_url": "https://func-abc.azurewebsites.net",
             "entra": {"client_id": "11111111-2222-3333-4444-555555555555",
                       "authority": "https://login.microsoftonline.com/99999999-8888-7777-6666-555555555555",
                       "scope": "api://11111111-2222-3333-4444-555555555555/Interviews.Access"}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, ReadJson("config.json")), File.ReadAllText(Path.Combine(_out, "config.json")));
        Assert.True(File.Exists(Path.Combine(_out, "index.html")));
        Assert.True(File.Exists(Path.Combine(_out, "recruiter", "index.html")));
        Assert.False(File.Exists(Path.Combine(Root, "src", "Interview.Pages", "config.json")), "the source tree stays clean");

        var site = ReadJson("staticwebapp.config.json")!;
        var route = site["routes"]!.AsArray().Single(r => (string)r!["route"]! == "/config.json")!;
        Assert.Equal("no-store", (string)route["headers"]!["cache-control"]!);
        Assert.Equal("nosniff", (string)site["globalHeaders"]!["x-content-type-options"]!);
    }

    [Fact]
    public async Task Without_a_client_id_sign_in_is_not_configured()
    {
        var (exit, output) = await RunAsync(("FUNCTION_URL", "https://func-abc.azurewebsites.net"));

        Assert.True(exit == 0, output);
        var config = ReadJson("config.json")!;
        Assert.Equal("https://func-abc.azurewebsites.net", (string)config["api_base_url"]!);
        Assert.Null(config["entra"]);
    }

    [Fact]
    public async Task Refuses_without_an_https_api_address()
    {
        var (missing, _) = await RunAsync();
        var (plain, output) = await RunAsync(("FUNCTION_URL", "http://func-abc.azurewebsites.net"));

        Assert.NotEqual(0, missing);
        Assert.NotEqual(0, plain);
        Assert.Contains("https", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_out, "config.json")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    private JsonNode? ReadJson(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(_out, file)));

    private Task<(int ExitCode, string Output)> RunAsync(params (string Name, string Value)[] environment) =>
        ScriptRun.RunAsync("sh", "pages-config", [_out],
            new[] { "FUNCTION_URL", "ENTRA_CLIENT_ID", "ENTRA_AUTHORITY", "ENTRA_API_SCOPE", "ENTRA_TENANT_ID", "PAGES_SOURCE" }
                .Select(name => (name, (string?)null)).Concat(environment.Select(e => (e.Name, (string?)e.Value))),
            TimeSpan.FromMinutes(1));
}
