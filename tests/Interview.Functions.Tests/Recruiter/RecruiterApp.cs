using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Interview.Functions.Tests.Evaluation;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Http;

namespace Interview.Functions.Tests.Recruiter;

/// <summary>Helpers for the recruiter's side: admin calls, and what Azurite holds for an interview, read directly.</summary>
internal static class RecruiterApp
{
    public static HttpRequestMessage Admin(HttpMethod method, string path, object? body = null, string? key = Security.TokenApp.AdminKey)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("X-Admin-Key", key);
        }

        return request;
    }

    public static async Task<JsonNode> ListAsync(this HttpClient client, string query = "") =>
        await (await client.SendAsync(Admin(HttpMethod.Get, $"/manage/interviews{query}"))).JsonAsync();

    /// <summary>An interview answered until the interviewer concludes, ended, and evaluated.</summary>
    public static async Task<JsonNode> EvaluatedAsync(this HttpClient client, string id)
    {
        await client.InterviewAndEndAsync(id, EvaluationApp.Strong);
        return await client.ReportAsync(id);
    }

    /// <summary>Every row of the interview's partition and of its list entry, and its blobs: what erasure must leave empty.</summary>
    public static async Task<(int Rows, int IndexRows, int Blobs)> StoredAsync(this InterviewApp app, string id)
    {
        var table = app.Table();
        var rows = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == id))
        {
            // An erased interview's tombstone is not data about the candidate: only when and which evaluations to purge.
            var tombstone = row.ContainsKey("ErasedAt");
            Assert.True(!tombstone
                || !row.Keys.Except(["PartitionKey", "RowKey", "Timestamp", "odata.etag", "ErasedAt", "EvaluationVersion"]).Any(),
                $"the tombstone of {id} holds more: {string.Join(", ", row.Keys)}");
            rows += tombstone ? 0 : 1;
        }

        var indexRows = 0;
        var listed = TableClient.CreateQueryFilter($"PartitionKey eq {"~index"} and InterviewId eq {id}");
        await foreach (var _ in table.QueryAsync<TableEntity>(listed))
        {
            indexRows++;
        }

        return (rows, indexRows, (await app.BlobsAsync($"{id}/")).Count);
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
