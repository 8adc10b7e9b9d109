using Interview.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Security;

public static class SecuritySetup
{
    /// <summary>Who may open an interview: the mode, its keys, and the tokens signed with them.</summary>
    public static IHostApplicationBuilder AddSecurity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateAnnotations<SecurityOptions, SecurityOptionsValidator>()
            .Validate(o => !o.RequiresTokens || HasStrongKey(o), "Security:Mode token needs Security:SigningKey (base64, at least 32 bytes).")
            .Validate(o => !o.RequiresTokens || o.AdminKey is { Length: >= 16 }, "Security:Mode token needs Security:AdminKey (at least 16 characters).")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, OpenModeGuard>();
        services.AddSingleton<InterviewTokens>();
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
        [LoggerMessage(Level = LogLevel.Warning, Message = "Security:Mode is open: any caller can read and answer any interview. Use Security:Mode=token outside a laptop.")]
        public static partial void Open(ILogger logger);
    }
}
