using System.Net;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Http;
using Interview.Functions.Recruiter;

namespace Interview.Functions.Tests.Security;

/// <summary>
/// In token mode every route that declares the recruiter's credential refuses a request without it, with a wrong admin key,
/// with an Entra ID token not valid here (401), or with a valid one that lacks the app role (403).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdminRouteTests(AzuriteFixture azurite)
{
    public static TheoryData<string> AdminFunctions() =>
        [.. HttpFunctions.All.Where(f => f.Access?.Credential == Credential.Recruiter).Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(AdminFunctions))]
    public async Task Admin_route_refuses_a_missing_or_wrong_admin_key(string name)
    {
        using var app = TokenApp.Create(azurite);
        var client = app.CreateClient();
        var function = HttpFunctions.Find(name)!;
        var path = "/" + function.Route.Replace($"{{{HttpFunction.InterviewIdParameter}}}", "admin-probe", StringComparison.Ordinal);

        foreach (var key in new[] { null, "not-the-admin-key-at-all" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(function.Methods[0].ToUpperInvariant()),
                path) { Content = ApiClient.JsonContent(new { }) };
            if (key is not null)
            {
                request.Headers.Add("X-Admin-Key", key);
            }

            var refused = await (await client.SendAsync(request)).ProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Equal("unauthorized", (string)refused["code"]!);
        }
    }

    [Theory]
    [MemberData(nameof(AdminFunctions))]
    public async Task Admin_route_refuses_a_foreign_token_and_one_without_the_role(string name)
    {
        await using var provider = await LoopbackOpenIdProvider.StartAsync();
        using var app = TokenApp.Create(azurite, provider.Settings);
        var client = app.CreateClient();
        var function = HttpFunctions.Find(name)!;
        var path = "/" + function.Route.Replace($"{{{HttpFunction.InterviewIdParameter}}}", "admin-probe", StringComparison.Ordinal);

        foreach (var (token, status, code) in new[]
                 {
                     (provider.Token(audience: "api://another-app"), HttpStatusCode.Unauthorized, "unauthorized"),
                     (provider.Token(roles: []), HttpStatusCode.Forbidden, "forbidden"),
                 })
        {
            using var request = new HttpRequestMessage(new HttpMethod(function.Methods[0].ToUpperInvariant()),
                path) { Content = ApiClient.JsonContent(new { }) };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

            Assert.Equal(code, (string)(await (await client.SendAsync(request)).ProblemAsync(status))["code"]!);
        }
    }

    [Fact]
    public void The_recruiter_routes_are_all_admin_only()
    {
        var admin = HttpFunctions.All.Where(f => f.Access?.Credential == Credential.Recruiter).Select(f => f.Name).ToHashSet();
        Assert.Subset(admin, new HashSet<string> { "IssueJoinToken", "RerunEvaluation", "ListInterviews", "ReviewInterview",
            "EraseInterview", "ListPlans", "GetPlan", "SavePlan", "DraftPlan", "ListAudit" });
        Assert.All(HttpFunctions.All.Where(f => f.Route.StartsWith("manage/", StringComparison.Ordinal)),
            f => Assert.Equal(Credential.Recruiter, f.Access?.Credential));
    }
}
