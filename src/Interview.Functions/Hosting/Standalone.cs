using Interview.Functions.Edge;
using Interview.Functions.Evaluation.Standalone;
using Interview.Functions.Page;

namespace Interview.Functions.Hosting;

/// <summary>Standalone: Kestrel on http://localhost:7071 (or ASPNETCORE_URLS), settings from local.settings.json like <c>func start</c>.</summary>
public static class Standalone
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

        builder.AddInterviewApp();
        builder.AddStandaloneEvaluationEngine();
        builder.AddInterviewPage();
        builder.Services.AddHostedService<StartupSummary>();
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        Launcher.ValidateSettings(app); // the page reads its options just below
        app.UseStatusCodePages();
        app.UseInterviewPage();
        app.MapHttpFunctions();
        return app;
    }
}
