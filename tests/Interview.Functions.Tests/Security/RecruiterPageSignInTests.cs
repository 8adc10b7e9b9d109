using System.Text.Json.Nodes;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Security;

/// <summary>
/// What the recruiter page needs to sign in: the twin's config.json names the app registration, and the MSAL.js copy it loads is the pinned
/// one.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RecruiterPageSignInTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Config_json_names_the_app_registration_only_when_entra_is_configured()
    {
        using var signed = new InterviewApp(azurite, settings: new Dictionary<string, string>
        {
            ["Entra:TenantId"] = LoopbackOpenIdProvider.TenantId, ["Entra:ClientId"] = LoopbackOpenIdProvider.ClientId,
        });
        using var plain = new InterviewApp(azurite);

        var entra = (await (await signed.CreateClient().GetAsync("/config.json")).JsonAsync())["entra"]!;
        var none = await (await plain.CreateClient().GetAsync("/config.json")).JsonAsync();

        Assert.Equal(LoopbackOpenIdProvider.ClientId, (string)entra["client_id"]!);
        Assert.Equal($"https://login.microsoftonline.com/{LoopbackOpenIdProvider.TenantId}", (string)entra["authority"]!);
        Assert.Equal($"api://{LoopbackOpenIdProvider.ClientId}/Interviews.Access", (string)entra["scope"]!);
        Assert.Null(none["entra"]);
    }

    [Fact]
    public void The_vendored_msal_browser_build_is_the_pinned_package()
    {
        var root = AzuriteFixture.RepoRoot();
        var pinned = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(root,
            "package.json")))!["devDependencies"]!["@azure/msal-browser"]!;
        var installed = Path.Combine(root, "node_modules/@azure/msal-browser");
        var vendored = File.ReadAllText(Path.Combine(root, "src/Interview.Pages/vendor/msal-browser.min.js"));

        Assert.StartsWith($"/*! @azure/msal-browser v{pinned} ", vendored, StringComparison.Ordinal);
        if (Directory.Exists(installed)) // after npm ci: byte for byte (scripts/vendor-msal refreshes the copy)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(installed, "lib/msal-browser.min.js")), vendored);
        }
    }
}
