using System.Text.Json;
using Interview.Functions.Security;

namespace Interview.Local.Pages;

/// <summary>The pages' config.json (src/Interview.Pages/config.js reads it): the same shape the deploy writes in Azure.</summary>
public sealed record PageConfig(string ApiBaseUrl, PageConfig.EntraSignIn? Entra)
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>What MSAL.js needs to sign a recruiter in: the app registration, the tenant's authority and the API's scope.</summary>
    public sealed record EntraSignIn(string ClientId, string Authority, string Scope);

    public static PageConfig From(PageOptions options, EntraOptions entra) => new(options.ApiBaseUrl.TrimEnd('/'), entra.Enabled
        ? new EntraSignIn(entra.ClientId!, Authority(entra.Issuer), $"api://{entra.ClientId}/Interviews.Access")
        : null);

    // MSAL.js takes the authority without the issuer's "/v2.0" and finds the v2.0 endpoints itself.
    private static string Authority(string issuer) => issuer.EndsWith("/v2.0", StringComparison.Ordinal)
        ? issuer[..^"/v2.0".Length] : issuer;
}
