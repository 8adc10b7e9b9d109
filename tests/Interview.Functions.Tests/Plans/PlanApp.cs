using System.Text.Json.Nodes;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Recruiter;

namespace Interview.Functions.Tests.Plans;

/// <summary>The plan routes as a recruiter calls them.</summary>
internal static class PlanApp
{
    public static Task<HttpResponseMessage> SavePlanAsync(this HttpClient client, JsonNode plan) =>
        client.SendAsync(RecruiterApp.Admin(HttpMethod.Post, "/manage/plans", plan));

    public static Task<HttpResponseMessage> GetPlanAsync(this HttpClient client, string id, string query = "") =>
        client.SendAsync(RecruiterApp.Admin(HttpMethod.Get, $"/manage/plans/{id}{query}"));

    public static Task<HttpResponseMessage> DraftAsync(this HttpClient client, object body) =>
        client.SendAsync(RecruiterApp.Admin(HttpMethod.Post, "/manage/plans/draft", body));

    /// <summary>The built-in plan in the shape GET returns, renamed: where a recruiter starts an edit.</summary>
    public static async Task<JsonNode> BuiltInCopyAsync(this HttpClient client, string newId)
    {
        var plan = await (await client.GetPlanAsync("software-engineer")).JsonAsync();
        plan["id"] = newId;
        return plan;
    }

    public static async Task<int> SavedVersionAsync(this HttpClient client, JsonNode plan)
    {
        var saved = await (await client.SavePlanAsync(plan)).JsonAsync(System.Net.HttpStatusCode.Created);
        return (int)saved["version"]!;
    }
}
