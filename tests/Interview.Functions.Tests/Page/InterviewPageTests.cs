using System.Net;
using Interview.Local.Pages;
using Interview.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Tests.Page;

/// <summary>The candidate page at "/" and CORS for a page hosted elsewhere. The page itself runs in tests/browser.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InterviewPageTests(AzuriteFixture azurite)
{
    private const string Origin = "https://jobs.example.com";

    [Theory]
    [InlineData("/", "/app.js", "id=\"consent\"")] // the candidate page
    [InlineData("/recruiter/", "/recruiter/recruiter.js", "id=\"admin-key\"")] // the recruiter page, a folder's default document
    public async Task Each_page_is_served_with_its_scripts(string path, string scriptPath, string marker)
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();

        var page = await client.GetAsync(new Uri(path, UriKind.Relative));
        var script = await client.GetAsync(new Uri(scriptPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains(marker, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Recruiter_without_the_slash_is_redirected_to_its_page()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/recruiter", UriKind.Relative));

        // The page's relative links (../api.js, recruiter.js) resolve against the folder, so it needs the slash.
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.EndsWith("/recruiter/", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_disabled_serves_nothing_but_the_api()
    {
        using var app = new InterviewApp(azurite, settings: new Dictionary<string, string> { ["Page:Enabled"] = "false" });
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/app.js", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Allowed_origin_passes_preflight_and_reads_problems_and_retry_headers()
    {
        using var app = new InterviewApp(azurite, settings: new Dictionary<string,
            string> { ["Cors:AllowedOrigins"] = $"http://localhost:5173, {Origin}" });
        var client = app.CreateClient();

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/session/turn/cors-1");
        preflight.Headers.Add("Origin", Origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "idempotency-key");
        var allowed = await client.SendAsync(preflight);
        var problem = await client.SendAsync(WithOrigin(HttpMethod.Get, "/session/state/cors-1", Origin));
        var stranger = await client.SendAsync(WithOrigin(HttpMethod.Get, "/session/state/cors-1", "https://elsewhere.example"));

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(Origin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("idempotency-key", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(),
            StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Equal(Origin, problem.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Retry-After", problem.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
        Assert.False(stranger.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Without_allowed_origins_no_cors_headers_are_sent()
    {
        using var app = new InterviewApp(azurite);
        var client = app.CreateClient();

        var response = await client.SendAsync(WithOrigin(HttpMethod.Get, "/health", Origin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://jobs.example.com/")]
    [InlineData("https://jobs.example.com/interview")]
    [InlineData("jobs.example.com")]
    public void Origin_with_a_path_or_without_a_scheme_is_refused_at_start_up(string origin)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cors:AllowedOrigins"] = origin });
        builder.AddPages();
        using var services = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BrowserCorsOptions>>().Value);

        Assert.Contains("Cors:AllowedOrigins", error.Message, StringComparison.Ordinal);
    }

    private static HttpRequestMessage WithOrigin(HttpMethod method, string path, string origin)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        return request;
    }
}
