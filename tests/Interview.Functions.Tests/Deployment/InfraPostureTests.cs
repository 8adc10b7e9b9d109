using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Deployment;

/// <summary>
/// The production posture `azd up` deploys, checked on the compiled ARM template (bicep build of infra/main.bicep):
/// one test per item of issue 20 (secrets, keyless telemetry, model, retention, storage roles, scope, pages, Entra).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class InfraPostureTests
{
    private static readonly string Root = AzuriteFixture.RepoRoot();

    [Fact]
    public async Task Signing_key_lives_in_an_rbac_key_vault_and_reaches_the_app_by_key_vault_reference()
    {
        var template = await CompiledTemplate.GetAsync();

        var vault = CompiledTemplate.OfType(template, "Microsoft.KeyVault/vaults").Single()["properties"]!;
        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enableSoftDelete"]!);
        var secret = CompiledTemplate.OfType(template, "Microsoft.KeyVault/vaults/secrets").Single();
        Assert.Equal("[parameters('tokenSigningKey')]", (string)secret["properties"]!["value"]!);

        var settings = CompiledTemplate.AppSettings(template);
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1})'", settings["Security__SigningKey"],
            StringComparison.Ordinal);
        var app = CompiledTemplate.OfType(template, "Microsoft.Web/sites").Single();
        Assert.Contains("userAssignedIdentities", (string)app["properties"]!["keyVaultReferenceIdentity"]!, StringComparison.Ordinal);
        // Key Vault Secrets User
        Assert.Contains("4633458b-17de-408a-b874-0445c86b69e6", CompiledTemplate.Json(template), StringComparison.Ordinal);
        Assert.Contains("variables('roles').secretsUser", CompiledTemplate.RoleAssignments(template), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_plain_secret_setting_and_no_admin_key_anywhere()
    {
        var template = await CompiledTemplate.GetAsync();
        var settings = CompiledTemplate.AppSettings(template);

        Assert.DoesNotContain("Security__AdminKey", settings.Keys);
        Assert.DoesNotContain(settings.Values, v => v.Contains("tokenSigningKey", StringComparison.Ordinal));
        Assert.Equal("token", settings["Security__Mode"]);
        Assert.Null(template["parameters"]!["adminKey"]);
        Assert.Equal("securestring", (string)template["parameters"]!["tokenSigningKey"]!["type"]!);
        Assert.DoesNotContain("SECURITY_ADMIN_KEY", File.ReadAllText(Path.Combine(Root, "infra", "main.parameters.json")),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Application_insights_is_keyless_and_the_identity_publishes_to_it()
    {
        var template = await CompiledTemplate.GetAsync();

        var insights = CompiledTemplate.OfType(template, "Microsoft.Insights/components").Single();
        Assert.True((bool)insights["properties"]!["DisableLocalAuth"]!);
        // Monitoring Metrics Publisher
        Assert.Contains("3913510d-42f4-4e42-8a64-420c390055eb", CompiledTemplate.Json(template), StringComparison.Ordinal);
        var publisher = CompiledTemplate.OfType(template, "Microsoft.Authorization/roleAssignments")
            .Single(r => CompiledTemplate.Json(r).Contains("variables('roles').metricsPublisher", StringComparison.Ordinal));
        Assert.Contains("Microsoft.Insights/components", (string)publisher["scope"]!, StringComparison.Ordinal);
        var settings = CompiledTemplate.AppSettings(template);
        Assert.Contains("ClientId={0};Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        Assert.Contains("userAssignedIdentities", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
    }

    [Fact]
    public void Host_emits_opentelemetry_so_host_and_worker_spans_correlate()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "host.json")))!;

        Assert.Equal("OpenTelemetry", (string)host["telemetryMode"]!);
    }

    [Fact]
    public async Task Chat_model_is_a_parameter_with_a_current_default_and_azd_passes_the_same_default()
    {
        var template = await CompiledTemplate.GetAsync();
        var parameters = ParametersFile();

        Assert.Equal("gpt-4.1-mini", (string)template["parameters"]!["chatModelName"]!["defaultValue"]!);
        Assert.Equal("2025-04-14", (string)template["parameters"]!["chatModelVersion"]!["defaultValue"]!);
        Assert.Equal("${CHAT_MODEL_NAME=gpt-4.1-mini}", parameters["chatModelName"]);
        Assert.Equal("${CHAT_MODEL_VERSION=2025-04-14}", parameters["chatModelVersion"]);
        var deployment = CompiledTemplate.OfType(template, "Microsoft.CognitiveServices/accounts/deployments").Single();
        Assert.Equal("[parameters('chatModelVersion')]", (string)deployment["properties"]!["model"]!["version"]!);
    }

    [Fact]
    public async Task Retention_is_on_by_default_for_interviews_and_their_audio()
    {
        var template = await CompiledTemplate.GetAsync();

        Assert.Equal(180, (int)template["parameters"]!["retentionDays"]!["defaultValue"]!);
        Assert.Equal("${RETENTION_DAYS=180}", ParametersFile()["retentionDays"]);
        Assert.Equal("[string(parameters('retentionDays'))]", CompiledTemplate.AppSettings(template)["Retention__Days"]);
        var lifecycle = CompiledTemplate.Json(CompiledTemplate.OfType(template,
            "Microsoft.Storage/storageAccounts/managementPolicies").Single());
        Assert.Contains("\"daysAfterCreationGreaterThan\":\"[parameters('retentionDays')]\"", lifecycle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identity_has_the_storage_roles_identity_based_host_storage_and_durable_need()
    {
        var template = await CompiledTemplate.GetAsync();
        var roles = CompiledTemplate.Json(template);

        Assert.Contains("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", roles, StringComparison.Ordinal); // Storage Blob Data Owner
        Assert.Contains("974c5e8b-45b9-4653-ba55-5f855dd0fb88", roles, StringComparison.Ordinal); // Storage Queue Data Contributor
        Assert.Contains("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", roles, StringComparison.Ordinal); // Storage Table Data Contributor
        var storageRoles = CompiledTemplate.Json(CompiledTemplate.OfType(template, "Microsoft.Authorization/roleAssignments")
            .Single(r => ((string)r["scope"]!).Contains("Microsoft.Storage/storageAccounts", StringComparison.Ordinal)));
        foreach (var role in new[] { "blobOwner", "queueData", "tableData" })
        {
            Assert.Contains($"variables('roles').{role}", storageRoles, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Template_targets_the_subscription_and_creates_its_resource_group()
    {
        var template = await CompiledTemplate.GetAsync();

        Assert.Contains("subscriptionDeploymentTemplate.json", (string)template["$schema"]!, StringComparison.Ordinal);
        var group = CompiledTemplate.OfType(template, "Microsoft.Resources/resourceGroups").Single();
        Assert.Equal("[format('rg-{0}', parameters('environmentName'))]", (string)group["name"]!);
        var module = CompiledTemplate.OfType(template, "Microsoft.Resources/deployments").Single();
        Assert.Equal("[format('rg-{0}', parameters('environmentName'))]", (string)module["resourceGroup"]!);
        // azd asks only for these: every other parameter has a default or comes from the azd environment.
        var required = template["parameters"]!.AsObject().Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key).Order();
        Assert.Equal(["environmentName", "location", "tokenSigningKey"], required);
        Assert.Equal(required.Order(), ParametersFile().Keys.Intersect(required).Order());
    }

    [Fact]
    public async Task Pages_are_a_free_static_web_app_allowed_by_the_api_cors_and_an_azd_service()
    {
        var template = await CompiledTemplate.GetAsync();

        var pages = CompiledTemplate.OfType(template, "Microsoft.Web/staticSites").Single();
        Assert.Equal("Free", (string)pages["sku"]!["name"]!);
        Assert.Contains("'azd-service-name', 'pages'", (string)pages["tags"]!, StringComparison.Ordinal);
        var cors = (string)CompiledTemplate.OfType(template,
            "Microsoft.Web/sites").Single()["properties"]!["siteConfig"]!["cors"]!["allowedOrigins"]!;
        Assert.Contains("format('https://{0}', reference(resourceId('Microsoft.Web/staticSites'", cors, StringComparison.Ordinal);
        Assert.Contains(".defaultHostname", cors, StringComparison.Ordinal);
        Assert.Contains("parameters('frontendOrigin')", cors, StringComparison.Ordinal);
        Assert.NotNull(template["outputs"]!["PAGES_URL"]);

        var azure = File.ReadAllText(Path.Combine(Root, "azure.yaml"));
        var service = PagesService().Match(azure);
        Assert.True(service.Success, azure);
        Assert.Matches(@"(?m)^\s+host: staticwebapp\s*$", service.Value);
        Assert.Matches(@"(?m)^\s+project: \./artifacts/pages\s*$", service.Value);
        Assert.DoesNotMatch(@"(?m)^\s+language:", service.Value); // plain files: no build step
        Assert.Matches(@"(?ms)^  predeploy:.*?run: \./scripts/pages-config\s*$", azure);
    }

    [Fact]
    public async Task Entra_parameters_become_the_app_sign_in_settings()
    {
        var template = await CompiledTemplate.GetAsync();
        var settings = CompiledTemplate.AppSettings(template);

        Assert.Equal("[tenant().tenantId]", (string)template["parameters"]!["recruiterTenantId"]!["defaultValue"]!);
        Assert.Equal("", (string)template["parameters"]!["recruiterClientId"]!["defaultValue"]!);
        Assert.Equal("${ENTRA_TENANT_ID=}", ParametersFile()["recruiterTenantId"]);
        Assert.Equal("${ENTRA_CLIENT_ID=}", ParametersFile()["recruiterClientId"]);
        Assert.Equal("[parameters('recruiterTenantId')]", settings["Entra__TenantId"]);
        Assert.Equal("[parameters('recruiterClientId')]", settings["Entra__ClientId"]);
        Assert.Equal("[format('{0}/v2.0', variables('entraAuthority'))]", settings["Entra__Authority"]);
        Assert.Equal("Interviews.Manage", settings["Entra__Role"]);
        Assert.Contains("environment().authentication.loginEndpoint", CompiledTemplate.Json(template), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ParametersFile() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "infra", "main.parameters.json")))!["parameters"]!.AsObject()
            .ToDictionary(p => p.Key, p => (string)p.Value!["value"]!);

    [GeneratedRegex(@"(?ms)^  pages:\s*\n(?:    .*\n?)+")]
    private static partial Regex PagesService();
}
