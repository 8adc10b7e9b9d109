using System.Net;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Security;

/// <summary>
/// Fails closed: open mode (no tokens) starts only where nobody but this machine can reach it, i.e. when every address
/// the app listens on is loopback. Under the Functions host the host's own listener faces the network, so there open
/// mode always needs <see cref="SecurityOptions.OpenOnNetwork"/>. A refusal is an invalid setting (exit code 2).
/// </summary>
internal sealed class OpenModeGuard(IConfiguration configuration) : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        if (options.RequiresTokens || options.OpenOnNetwork || ExposedAddress() is not { } exposed)
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail($"Security:Mode open would serve every interview to anyone who reaches {exposed}. Listen on " +
            "localhost or 127.0.0.1, use Security:Mode=token, or set Security:OpenOnNetwork=true to accept that risk on a network you " +
                "trust.");
    }

    /// <summary>The first address others could reach, or null when the app listens on loopback only.</summary>
    private string? ExposedAddress()
    {
        if (!string.IsNullOrEmpty(configuration["Functions:Worker:HostEndpoint"]))
        {
            return "the Functions host's address";
        }

        if (!string.IsNullOrEmpty(configuration["http_ports"]) || !string.IsNullOrEmpty(configuration["https_ports"]))
        {
            return "every interface (http_ports)";
        }

        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return urls.FirstOrDefault(url => !IsLoopback(url));
    }

    /// <summary>
    /// As Kestrel binds: "localhost" and loopback IPs stay on this machine; *, +, 0.0.0.0 and other names mean every interface.
    /// </summary>
    private static bool IsLoopback(string url)
    {
        var host = BindingAddress.Parse(url).Host;
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
