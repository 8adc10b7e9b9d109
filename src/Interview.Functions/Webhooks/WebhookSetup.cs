using Interview.Functions.Startup;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Webhooks;

public static class WebhookSetup
{
    /// <summary>Subscriptions, their delivery logs, publishing events and sending them.</summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateAnnotations<WebhookOptions,
            WebhookOptionsValidator>().ValidateOnStart();
        services.AddSingleton<TableWebhookStore>();
        services.AddSingleton<HiringEvents>();
        services.AddSingleton<SendWebhookActivity>();
        // A receiver that redirects is not followed: the signed body goes only where the subscription says.
        services.AddHttpClient(SendWebhookActivity.Client)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .ConfigureHttpClient((sp, c) => c.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout);
        return builder;
    }
}
