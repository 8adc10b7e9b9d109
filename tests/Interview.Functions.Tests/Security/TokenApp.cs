using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Security;

/// <summary>The app in token mode, with helpers that play the recruiter (admin key) and the candidate (tokens).</summary>
internal static class TokenApp
{
    public const string AdminKey = "admin-key-for-tests-only";

    // 32 bytes, base64: a test key, not a secret.
    public const string SigningKey = "dGVzdC1zaWduaW5nLWtleS0zMi1ieXRlcy1sb25nISE=";

    public static InterviewApp Create(AzuriteFixture azurite, Dictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Security:Mode"] = "token",
            ["Security:SigningKey"] = SigningKey,
            ["Security:AdminKey"] = AdminKey,
        };
        foreach (var (k, v) in extra ?? [])
        {
            settings[k] = v;
        }

        return new InterviewApp(azurite, settings: settings);
    }

    public static async Task<string> JoinTokenAsync(this HttpClient client, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/manage/interviews/{id}/join-token");
        request.Headers.Add("X-Admin-Key", AdminKey);
        var body = await (await client.SendAsync(request)).JsonAsync();
        return (string)body["join_token"]!;
    }

    /// <summary>Join, start, and return a client that carries the session token, as a candidate's page would.</summary>
    public static async Task<(HttpClient Client, JsonNode Start)> CandidateAsync(this InterviewApp app, string id)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.JoinTokenAsync(id));
        var start = await (await client.StartAsync(id)).JsonAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)start["session_token"]!);
        return (client, start);
    }
}
