using Interview.Functions.Hosting;
using Interview.Local.Durable;
using Interview.Local.Functions;
using Interview.Local.Pages;

namespace Interview.Local.Twin;

/// <summary>
/// The laptop twin: Kestrel on http://localhost:7071 (or ASPNETCORE_URLS), settings from local.settings.json as
/// <c>func start</c> reads them, the functions of functions.metadata mapped as the host maps them (after the host's
/// rules: Functions/FunctionAppRules), the Durable engine run locally, and the pages served.
/// </summary>
public static class TwinHost
{
    public const string DefaultUrl = "http://localhost:7071";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // The slim builder skips what this app never uses (HTTPS setup, extra log providers): a faster cold start.
        var builder = WebApplication.CreateSlimBuilder(args);
        LocalSettings.Add(builder.Configuration, Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json"));
        LocalSettings.AddAppDefaults(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddSingleton(LoadFunctionApp());
        builder.AddInterviewApp();
        builder.AddLocalDurableEngine();
        builder.Services.AddHostedService<TimerFunctions>();
        builder.AddPages();
        builder.Services.AddHostedService<StartupSummary>();
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        Launcher.ValidateSettings(app); // the pages read their options just below
        app.UseStatusCodePages();
        app.UseRouting(); // before the pages, which serve only what no function matched
        app.UsePages();
        app.MapHttpFunctions(app.Services.GetRequiredService<FunctionAppManifest>());
        return app;
    }

    /// <summary>The app as the host would index it; what the host would refuse, the twin refuses too (exit code 5).</summary>
    private static FunctionAppManifest LoadFunctionApp()
    {
        var manifest = FunctionAppManifest.Load(FunctionAppManifest.DefaultFolder);
        var problems = FunctionAppRules.Check(manifest);
        return problems.Count == 0 ? manifest : throw new StartupRefusedException(StartupFailure.FunctionsRefused,
            "the Azure Functions host would not index these functions, so the twin does not run them either.",
            [.. problems, "docs/architecture.md (\"Functions host rules\") lists each rule and where the host applies it."]);
    }
}
