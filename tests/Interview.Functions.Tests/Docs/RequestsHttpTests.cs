using System.Text.RegularExpressions;
using Interview.Functions.Tests.Hosting;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Security;

namespace Interview.Functions.Tests.Docs;

/// <summary>
/// requests.http, the collection a frontend developer clicks through, run top to bottom against the standalone app in both
/// security modes: every request must answer the status it declares, so the file cannot drift from the API.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RequestsHttpTests(AzuriteFixture azurite)
{
    private static readonly HttpCollection Collection =
        HttpCollection.Parse(File.ReadAllText(Path.Combine(AzuriteFixture.RepoRoot(), "requests.http")));

    [Fact]
    public async Task Every_request_answers_its_declared_status_in_open_mode()
    {
        using var app = new InterviewApp(azurite);
        await RunAsync(app.CreateClient(), "open");
    }

    [Fact]
    public async Task Every_request_answers_its_declared_status_in_token_mode()
    {
        using var app = TokenApp.Create(azurite);
        await RunAsync(app.CreateClient(), "token");
    }

    [Fact]
    public void Every_http_function_has_a_request_in_the_collection()
    {
        var requested = Collection.Requests.Select(r
            => (r.Method, Path: r.Url.Replace("{{baseUrl}}", "", StringComparison.Ordinal).Split('?')[0])).ToList();
        var functions = FunctionsMetadata.Read().Select(FunctionsMetadata.Trigger).Where(t => (string)t["type"]! == "httpTrigger");

        var missing = functions
            .SelectMany(t => t["methods"]!.AsArray().Select(m => (Method: ((string)m!).ToUpperInvariant(), Route: (string)t["route"]!)))
            .Where(f => !requested.Any(r => r.Method == f.Method
                && Regex.IsMatch(r.Path, $"^/{Regex.Replace(Regex.Escape(f.Route), @"\\\{[^}]+}", "[^/]+")}$")))
            .Select(f => $"{f.Method} /{f.Route}");

        Assert.Empty(missing);
    }

    /// <summary>The file's own variables, but this app's address, a fresh interview and the test admin key.</summary>
    private static Task RunAsync(HttpClient client, string mode)
    {
        var variables = new Dictionary<string, string>(Collection.Variables)
        {
            ["baseUrl"] = client.BaseAddress!.ToString().TrimEnd('/'),
            ["interviewId"] = $"http-{mode}-{Guid.NewGuid():N}"[..30],
            ["adminKey"] = TokenApp.AdminKey,
        };
        Assert.Equal(Collection.Variables.Keys.Order(), variables.Keys.Order()); // overrides only what the file defines
        return new HttpCollectionRun(client, variables).RunAsync(Collection.Requests, mode);
    }
}
