using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Page;

/// <summary>
/// Standalone only: the candidate page (static files from wwwroot at "/") and CORS for a page hosted on another origin.
/// Under the Functions host the platform's CORS (set from the same origin by the infra) answers instead: two layers
/// adding Access-Control-Allow-Origin would send the header twice, which browsers reject.
/// </summary>
public static partial class InterviewPage
{
    public static WebApplicationBuilder AddInterviewPage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PageOptions>().BindConfiguration(PageOptions.Section).ValidateOnStart();
        builder.Services.AddOptions<BrowserCorsOptions>().BindConfiguration(BrowserCorsOptions.Section)
            .Validate(o => o.Origins.All(BrowserCorsOptions.IsOrigin),
                "Cors:AllowedOrigins must be comma-separated origins such as https://jobs.example.com (no path, no trailing slash).")
            .ValidateOnStart();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<BrowserCorsOptions>>((cors, allowed) =>
            cors.AddDefaultPolicy(policy => policy.WithOrigins([.. allowed.Value.Origins]).AllowAnyHeader().AllowAnyMethod()
                .WithExposedHeaders("Location", "Retry-After")));
        return builder;
    }

    public static WebApplication UseInterviewPage(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<BrowserCorsOptions>>().Value.Origins.Count > 0)
        {
            app.UseCors();
        }

        if (!app.Services.GetRequiredService<IOptions<PageOptions>>().Value.Enabled)
        {
            return app;
        }

        if (PageFiles(app.Environment) is not { } files)
        {
            Log.NoPage(app.Logger, app.Environment.WebRootPath ?? "wwwroot");
            return app;
        }

        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }

    /// <summary>The web root, or wwwroot beside the executable when a published app runs from another directory.</summary>
    private static IFileProvider? PageFiles(IWebHostEnvironment environment)
    {
        if (environment.WebRootFileProvider.GetFileInfo("index.html").Exists)
        {
            return environment.WebRootFileProvider;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return File.Exists(Path.Combine(beside, "index.html")) ? new PhysicalFileProvider(beside) : null;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Page:Enabled is true but no index.html was found under {WebRoot}; the page is not served")]
        public static partial void NoPage(ILogger logger, string webRoot);
    }
}
