using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Recruiter;
using Interview.Functions.Tests.Security;

namespace Interview.Functions.Tests.Candidates;

/// <summary>Candidate links in bulk: CSV or JSON in, a join token per row out, each one a link a candidate can start with.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InviteTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_csv_of_candidates_gives_one_link_each_and_every_link_starts_its_own_interview_on_its_plan()
    {
        using var app = TokenApp.Create(azurite);
        var client = app.CreateClient();
        var csv = "name,email,plan_id,expires_at\n\"Lovelace, Ada\",ada@example.com,software-engineer,\n" +
            $"Grace Hopper,,software-engineer,{DateTime.UtcNow.AddDays(2):yyyy-MM-dd}\n";

        var issued = await InviteAsync(client, new StringContent(csv, Encoding.UTF8, "text/csv"));

        var items = issued["items"]!.AsArray();
        Assert.Equal(["Lovelace, Ada", "Grace Hopper"], items.Select(i => (string)i!["name"]!));
        Assert.Equal("ada@example.com", (string)items[0]!["email"]!);
        Assert.True(DateTimeOffset.Parse((string)items[1]!["expires_at"]!) < DateTimeOffset.UtcNow.AddDays(3));
        foreach (var item in items)
        {
            using var candidate = app.CreateClient();
            candidate.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)item!["join_token"]!);
            var started = await (await candidate.StartAsync((string)item["interview_id"]!)).JsonAsync();
            Assert.Equal((string)item["plan_id"]!, (string)started["session_state"]!["plan_id"]!);
        }

        Assert.Equal(2, items.Select(i => (string)i!["interview_id"]!).Distinct().Count());
    }

    [Fact]
    public async Task A_json_list_works_the_same()
    {
        using var app = TokenApp.Create(azurite);
        var issued = await InviteAsync(app.CreateClient(), System.Net.Http.Json.JsonContent.Create(new
        {
            invites = new[] { new { name = "Alan Turing", plan_id = "software-engineer" } },
        }));

        Assert.StartsWith("inv-", (string)issued["items"]![0]!["interview_id"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_row_is_listed_and_no_link_is_issued()
    {
        using var app = TokenApp.Create(azurite);
        var client = app.CreateClient();
        var csv = "name,email,plan_id,expires_at\n,ada@,software-engineer,\nGrace,,no-such-plan,2001-01-01\nAlan,,software-engineer,\n";

        var refused = await client.SendAsync(Admin(new StringContent(csv, Encoding.UTF8, "text/csv")));

        var problem = await refused.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["row 1: name", "row 1: email", "row 2: plan_id", "row 2: expires_at"],
            problem["errors"]!.AsArray().Select(e => ((string)e!)[..((string)e!).IndexOf(' ', 7)]));
        var audit = await (await client.SendAsync(RecruiterApp.Admin(HttpMethod.Get, "/manage/audit"))).JsonAsync();
        Assert.Empty(audit["items"]!.AsArray());
    }

    [Fact]
    public async Task Open_mode_has_no_links_to_issue()
    {
        using var app = new InterviewApp(azurite);

        var refused = await app.CreateClient().SendAsync(Admin(new StringContent("name,plan_id\nAda,software-engineer\n",
            Encoding.UTF8, "text/csv")));

        Assert.Equal("security_open", (string)(await refused.ProblemAsync(HttpStatusCode.Conflict))["code"]!);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> InviteAsync(HttpClient client, HttpContent body) =>
        await (await client.SendAsync(Admin(body))).JsonAsync();

    private static HttpRequestMessage Admin(HttpContent body)
    {
        var request = RecruiterApp.Admin(HttpMethod.Post, "/manage/invites");
        request.Content = body;
        return request;
    }
}
