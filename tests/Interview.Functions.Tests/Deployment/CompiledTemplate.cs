using System.Text.Json.Nodes;

namespace Interview.Functions.Tests.Deployment;

/// <summary>infra/main.bicep compiled to ARM JSON once per test run, with lookups across its nested (module) templates.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class CompiledTemplate
{
    private static readonly Lazy<Task<JsonNode>> Compiled = new(async () =>
    {
        var (exit, output) = await InfraTests.RunAsync("build", InfraTests.Main, "--stdout");
        Assert.True(exit == 0, output);
        return JsonNode.Parse(output)!;
    });

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task<JsonNode> GetAsync() => Compiled.Value;

    /// <summary>JSON text with ARM expressions left readable (quotes not escaped).</summary>
    public static string Json(JsonNode node) => node.ToJsonString(Relaxed);

    /// <summary>Every resource, those of module deployments included (array or symbolic-name object form).</summary>
    public static IEnumerable<JsonNode> Resources(JsonNode template)
    {
        var resources = template["resources"];
        var list = resources is JsonObject byName ? byName.Select(p => p.Value!) : resources?.AsArray().Select(r => r!) ?? [];
        foreach (var resource in list)
        {
            yield return resource;
            if (resource["properties"]?["template"] is { } nested)
            {
                foreach (var inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    public static IEnumerable<JsonNode> OfType(JsonNode template, string type) =>
        Resources(template).Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The function app's app settings, name to (unevaluated ARM expression) value.</summary>
    public static Dictionary<string, string> AppSettings(JsonNode template) =>
        OfType(template, "Microsoft.Web/sites").Single()["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => s!["value"]!.GetValue<string>());

    /// <summary>The role definition ids assigned anywhere in the template, as the compiled expressions mention them.</summary>
    public static string RoleAssignments(JsonNode template) =>
        string.Join('\n', OfType(template, "Microsoft.Authorization/roleAssignments").Select(Json));
}
