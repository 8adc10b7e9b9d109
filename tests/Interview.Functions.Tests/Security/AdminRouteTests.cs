using System.Net;
using Interview.Functions.Edge;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Security;

/// <summary>In token mode every route that declares the admin key refuses a request without it, or with a wrong one.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdminRouteTests(AzuriteFixture azurite)
{
    public static TheoryData<string> AdminFunctions() =>
        [.. HttpFunctions.All.Where(f => f.Access?.Credential == Credential.AdminKey).Select(f => f.Name)];

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
            using var request = new HttpRequestMessage(new HttpMethod(function.Methods[0].ToUpperInvariant()), path) { Content = ApiClient.JsonContent(new { }) };
            if (key is not null)
            {
                request.Headers.Add("X-Admin-Key", key);
            }

            var refused = await (await client.SendAsync(request)).ProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Equal("unauthorized", (string)refused["code"]!);
        }
    }

    [Fact]
    public void The_recruiter_routes_are_all_admin_only()
    {
        var admin = HttpFunctions.All.Where(f => f.Access?.Credential == Credential.AdminKey).Select(f => f.Name).ToHashSet();
        Assert.Subset(admin, new HashSet<string> { "IssueJoinToken", "RerunEvaluation", "ListInterviews", "ReviewInterview", "EraseInterview", "ListPlans", "GetPlan", "SavePlan", "DraftPlan" });
        Assert.All(HttpFunctions.All.Where(f => f.Route.StartsWith("manage/", StringComparison.Ordinal)),
            f => Assert.Equal(Credential.AdminKey, f.Access?.Credential));
    }
}
