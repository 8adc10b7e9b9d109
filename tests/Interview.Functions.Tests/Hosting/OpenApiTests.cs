using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Hosting;

[Collection(AzuriteCollection.Name)]
public sealed class OpenApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task OpenApi_document_describes_every_endpoint_its_errors_and_snake_case_models()
    {
        using var app = new InterviewApp(azurite);
        var doc = await (await app.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();

        var paths = doc["paths"]!.AsObject();
        Assert.Equal(
            ["/health", "/manage/adverse-impact", "/manage/alternatives", "/manage/audit", "/manage/calibration", "/manage/interviews",
                "/manage/interviews/{interview_id}", "/manage/interviews/{interview_id}/join-token",
                "/manage/interviews/{interview_id}/review", "/manage/invites", "/manage/plans", "/manage/plans/draft",
                "/manage/plans/{plan_id}", "/manage/webhooks", "/manage/webhooks/{webhook_id}",
                "/manage/webhooks/{webhook_id}/deliveries", "/manage/webhooks/{webhook_id}/deliveries/{delivery_id}/replay",
                "/openapi/v1.json", "/session/alternative/{interview_id}", "/session/demographics/{interview_id}",
                "/session/evaluation/{interview_id}", "/session/evaluation/{interview_id}/rerun", "/session/listen/{interview_id}",
                "/session/notice/{interview_id}", "/session/speech-token/{interview_id}", "/session/start/{interview_id}",
                "/session/state/{interview_id}", "/session/turn/{interview_id}"],
            paths.Select(p => p.Key).Order());
        var turn = paths["/session/turn/{interview_id}"]!["post"]!;
        Assert.Equal(["200", "400", "401", "403", "404", "409", "413", "415", "422", "429", "503"],
            turn["responses"]!.AsObject().Select(r => r.Key).Order());
        Assert.NotNull(turn["requestBody"]!["content"]!["multipart/form-data"]);
        Assert.Contains(turn["parameters"]!.AsArray(), p => (string)p!["name"]! == "Idempotency-Key");
        Assert.NotNull(paths["/session/state/{interview_id}"]!["delete"]);
        Assert.Equal("binary",
            (string)turn["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!["properties"]!["audio"]!["format"]!);
        Assert.Equal("bearer", turn["security"]!.AsArray().Single()!.AsObject().Single().Key);
        Assert.Equal(["adminKey", "bearer", "entra"],
            paths["/session/state/{interview_id}"]!["get"]!["security"]!.AsArray().Select(s => s!.AsObject().Single().Key).Order());
        Assert.Equal("[{}]", paths["/health"]!["get"]!["security"]!.ToJsonString()); // anyone, said explicitly
        Assert.Equal(["adminKey", "entra"],
            paths["/manage/audit"]!["get"]!["security"]!.AsArray().Select(s => s!.AsObject().Single().Key).Order());

        // Every operation says what it does and is named as its function, for generated clients.
        var operations = paths.SelectMany(p => p.Value!.AsObject().Select(o => o.Value!)).ToList();
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace((string?)o["summary"])));
        Assert.Equal(31, operations.Select(o => (string)o["operationId"]!).Distinct().Count());

        var schemas = doc["components"]!["schemas"]!.AsObject();
        Assert.NotNull(schemas["SessionResponse"]!["properties"]!["interviewer_response"]);
        Assert.NotNull(schemas["InterviewerResponse"]!["properties"]!["should_continue"]);
        Assert.NotNull(schemas["Problem"]!["properties"]!["code"]);
        Assert.NotNull(doc["components"]!["securitySchemes"]!["adminKey"]);
        Assert.Equal("JWT", (string)doc["components"]!["securitySchemes"]!["entra"]!["bearerFormat"]!);
        // Every $ref points at a schema the document defines.
        foreach (var reference in System.Text.RegularExpressions.Regex.Matches(doc.ToJsonString(),
            "\"#/components/schemas/([A-Za-z]+)\"").Select(m => m.Groups[1].Value))
        {
            Assert.NotNull(schemas[reference]);
        }
    }
}
