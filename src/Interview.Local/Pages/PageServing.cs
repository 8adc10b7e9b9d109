using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Interview.Functions.Http;

namespace Interview.Local.Pages;

/// <summary>
/// The twin serves the candidate and recruiter pages (src/Interview.Pages, copied beside the executable as pages/) at "/"
/// and "/recruiter/", and CORS for a page hosted on another origin. In Azure the pages are their own service and the
/// platform's CORS (set from the same origin by the infra) answers instead: two layers adding Access-Control-Allow-Origin
/// would send the header twice, which browsers reject. The pages learn where the API is from /config.json.
/// </summary>
public static partial class PageServing
{
    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PageOptions>().BindConfiguration(PageOptions.Section).ValidateOnStart();
        builder.Services.AddOptions<BrowserCorsOptions>().BindConfiguration(BrowserCorsOptions.Section)
            .Validate(o => o.Origins.All(BrowserCorsOptions.IsOrigin),
                "Cors:AllowedOrigins must be comma-separated origins such as https://jobs.example.com (no path, no trailing slash).")
            .ValidateOnStart();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<BrowserCorsOptions>>((cors, allowed) =>
            cors.AddDefaultPolicy(policy => policy.WithOrigins([.. allowed.Value.Origins]).AllowAnyHeader().AllowAnyMethod()
                .WithExposedHeaders(BrowserHeaders.Exposed)));
        return builder;
    }

    public static WebApplication UsePages(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<BrowserCorsOptions>>().Value.Origins.Count > 0)
        {
            app.UseCors();
        }

        var options = app.Services.GetRequiredService<IOptions<PageOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        // What the deploy writes as a file in Azure (scripts/pages-config), the twin answers from its settings.
        var entra = app.Services.GetRequiredService<IOptions<Interview.Functions.Security.EntraOptions>>().Value;
        app.MapGet("/config.json", () => Results.Json(PageConfig.From(options, entra), PageConfig.Json));

        if (PageFiles() is not { } files)
        {
            Log.NoPage(app.Logger, Path.Combine(AppContext.BaseDirectory, "pages"));
            return app;
        }

        // Only where no function matched (routing has run): a function's request never passes the file checks.
        app.UseWhen(http => http.GetEndpoint() is null, pages => pages
            .UseDefaultFiles(new DefaultFilesOptions { FileProvider = files })
            .UseStaticFiles(new StaticFileOptions { FileProvider = files }));
        return app;
    }

    /// <summary>The pages beside the executable (the twin's build copies them there).</summary>
    private static IFileProvider? PageFiles()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "pages");
        return File.Exists(Path.Combine(beside, "index.html")) ? new PhysicalFileProvider(beside) : null;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Page:Enabled is true but no index.html was found under {Folder}; the pages are not served")]
        public static partial void NoPage(ILogger logger, string folder);
    }
}
