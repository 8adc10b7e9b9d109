using Microsoft.Extensions.Options;
using Interview.Functions.Startup;

namespace Interview.Functions.Security;

public static class SecuritySetup
{
    /// <summary>
    /// Who may open an interview: the mode, its keys, the tokens signed with them, recruiters' Entra ID sign-in, the access check
    /// every request passes, the rate limits and the recruiters' audit.
    /// </summary>
    public static IHostApplicationBuilder AddSecurity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateAnnotations<SecurityOptions,
            SecurityOptionsValidator>()
            .Validate(o => !o.RequiresTokens || HasStrongKey(o),
                "Security:Mode token needs Security:SigningKey (base64, at least 32 bytes).")
            .Validate(o => o.AdminKeyIfSet is null or { Length: >= 16 }, "Security:AdminKey, when set, is at least 16 characters.")
            .Validate<IOptions<EntraOptions>>((o, entra) => !o.RequiresTokens || o.AdminKeyIfSet is not null || entra.Value.Enabled,
                "Security:Mode token needs Entra:ClientId (recruiters sign in) or, for development, Security:AdminKey (at least 16 " +
                    "characters).")
            .ValidateOnStart();
        services.AddOptions<EntraOptions>().BindConfiguration(EntraOptions.Section).ValidateAnnotations<EntraOptions,
            EntraOptionsValidator>()
            .Validate(o => !o.Enabled || !string.IsNullOrEmpty(o.TenantId) || !string.IsNullOrEmpty(o.Authority),
                "Entra:ClientId needs Entra:TenantId (or Entra:Authority).")
            .Validate(o => !o.Enabled || !string.IsNullOrEmpty(o.Role),
                "Entra:Role is the app role recruiters need, such as Interviews.Manage.")
            .Validate(o => !o.Enabled || o.AuthorityIsValid(),
                "Entra:Authority is an https address (http only on loopback), without a query.")
            .ValidateOnStart();
        services.AddHttpClient(nameof(EntraTokens), c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<EntraTokens>();
        services.AddSingleton<RecruiterCredential>();
        services.AddSingleton<IValidateOptions<SecurityOptions>, OpenModeGuard>();
        services.AddSingleton<InterviewTokens>();
        services.AddSingleton<InterviewAccess>();
        services.AddSingleton<RateLimits>();
        services.AddSingleton<RecruiterAudit>();
        services.AddHostedService<SecurityStartupLog>();
        return builder;
    }

    private static bool HasStrongKey(SecurityOptions o)
    {
        try
        {
            return o.Key().Length >= 32;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>Open mode is for laptops: say so loudly at start-up.</summary>
internal sealed partial class SecurityStartupLog(IOptions<SecurityOptions> options, ILogger<SecurityStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.RequiresTokens)
        {
            Log.Open(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Security:Mode is open: any caller can read and answer any interview. Use Security:Mode=token outside a laptop.")]
        public static partial void Open(ILogger logger);
    }
}
