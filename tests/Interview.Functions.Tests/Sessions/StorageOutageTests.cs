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

    [Theory]
    [InlineData(Grpc.Core.StatusCode.Unavailable, true)]
    [InlineData(Grpc.Core.StatusCode.DeadlineExceeded, true)]
    [InlineData(Grpc.Core.StatusCode.ResourceExhausted, true)]
    [InlineData(Grpc.Core.StatusCode.InvalidArgument, false)]
    [InlineData(Grpc.Core.StatusCode.AlreadyExists, false)]
    public void The_task_hub_engine_out_of_reach_is_an_outage_and_a_refusal_is_not(Grpc.Core.StatusCode code, bool outage)
    {
        var failure = new Grpc.Core.RpcException(new Grpc.Core.Status(code, "from the task hub"));

        Assert.Equal(outage, Interview.Functions.Storage.StorageOutage.Is(failure));
    }
}
