using System.Net;
using Interview.Functions.Tests.Infrastructure;
using Interview.Core.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Sessions;

[Collection(AzuriteCollection.Name)]
public sealed class StorageOutageTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(503, null)]
    [InlineData(404, "TableNotFound")]
    public async Task Unreachable_storage_answers_503_problem_with_retry_after(int status, string? errorCode)
    {
        var failure = new Azure.RequestFailedException(status, "storage says no", errorCode, null);
        using var app = new InterviewApp(azurite, s => s.AddSingleton<ISessionStore>(new UnreachableSessionStore(failure)));
        var client = app.CreateClient();

        var response = await client.AnswerAsync("outage-1", "hello", "k1");

        var problem = await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("storage_unavailable", (string)problem["code"]!);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
    }
}
