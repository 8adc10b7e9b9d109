using Interview.Api.Tests.Infrastructure;

namespace Interview.Api.Tests.Hosting;

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
            ["/admin/interviews/{interview_id}/join-token", "/health", "/session/evaluation/{interview_id}", "/session/evaluation/{interview_id}/rerun", "/session/start/{interview_id}", "/session/state/{interview_id}", "/session/turn/{interview_id}"],
            paths.Select(p => p.Key).Order());
        var turn = paths["/session/turn/{interview_id}"]!["post"]!;
        Assert.Equal(["200", "400", "401", "403", "404", "409", "413", "415", "422", "429", "503"], turn["responses"]!.AsObject().Select(r => r.Key).Order());
        Assert.NotNull(turn["requestBody"]!["content"]!["multipart/form-data"]);
        Assert.Contains(turn["parameters"]!.AsArray(), p => (string)p!["name"]! == "Idempotency-Key");
        Assert.NotNull(paths["/session/state/{interview_id}"]!["delete"]);

        var schemas = doc["components"]!["schemas"]!.AsObject();
        Assert.NotNull(schemas["SessionResponse"]!["properties"]!["interviewer_response"]);
        Assert.NotNull(schemas["InterviewerResponse"]!["properties"]!["should_continue"]);
    }
}
