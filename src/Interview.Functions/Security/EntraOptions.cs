using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Interview.Functions.Security;

/// <summary>
/// Section "Entra": recruiters sign in with Microsoft Entra ID and call the API with an access token for its app registration. On when <see
/// cref="ClientId"/> is set; the admin key (Security:AdminKey) is then only a development extra.
/// </summary>
public sealed class EntraOptions
{
    public const string Section = "Entra";

    [RegularExpression("^[A-Za-z0-9.-]{1,100}$", ErrorMessage = "Entra:TenantId is the directory (tenant) id or domain.")]
    public string? TenantId { get; set; }

    /// <summary>
    /// The API's app registration (application id): tokens for <c>{ClientId}</c> or <c>api://{ClientId}</c> are accepted.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9-]{1,100}$", ErrorMessage = "Entra:ClientId is the API app registration's application (client) id.")]
    public string? ClientId { get; set; }

    /// <summary>
    /// The issuer base; its metadata is at <c>{Authority}/.well-known/openid-configuration</c>. Empty: Entra ID's v2.0 one for the tenant.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The app role a recruiter's token must carry in its <c>roles</c> claim.</summary>
    [RegularExpression("^[A-Za-z0-9._-]{1,100}$", ErrorMessage = "Entra:Role is an app role value such as Interviews.Manage.")]
    public string Role { get; set; } = "Interviews.Manage";

    public bool Enabled => !string.IsNullOrEmpty(ClientId);

    public string Issuer =>
        (string.IsNullOrEmpty(Authority) ? $"https://login.microsoftonline.com/{TenantId}/v2.0" : Authority).TrimEnd('/');

    public string MetadataAddress => $"{Issuer}/.well-known/openid-configuration";

    public IReadOnlyList<string> Audiences => [ClientId!, $"api://{ClientId}"];

    /// <summary>Keys are fetched over https; plain http only from this machine (the tests' loopback provider).</summary>
    public bool AuthorityIsValid() =>
        Uri.TryCreate(Issuer, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.Query)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri));

    public static bool IsLoopback(Uri uri) => uri.IsLoopback || IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip);
}

[Microsoft.Extensions.Options.OptionsValidator]
internal sealed partial class EntraOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<EntraOptions>;
