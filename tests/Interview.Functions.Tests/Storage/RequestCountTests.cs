using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Interview.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Storage;

/// <summary>A text turn costs exactly one table query and one entity-group transaction, proved by counting the wire.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RequestCountTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Text_turn_costs_one_query_and_one_transaction()
    {
        var counter = new CountingPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        using var app = new InterviewApp(azurite, s => s.AddSingleton(new TableServiceClient(azurite.ConnectionString, options)));
        var client = app.CreateClient();
        await (await client.StartAsync("count-1")).JsonAsync();

        counter.Reset();
        await (await client.AnswerAsync("count-1", "At my last job I cut our API latency by 30 percent with a cache.",
            "key-1")).JsonAsync();

        Assert.Equal(["GET query", "POST $batch"], counter.Requests);
    }

    private sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        private readonly List<string> _requests = [];

        public IReadOnlyList<string> Requests
        {
            get
            {
                lock (_requests)
                {
                    return [.. _requests];
                }
            }
        }

        public void Reset()
        {
            lock (_requests)
            {
                _requests.Clear();
            }
        }

        public override void OnSendingRequest(HttpMessage message)
        {
            var path = message.Request.Uri.Path;
            var kind = path.EndsWith("$batch", StringComparison.Ordinal) ? "$batch" : path.Contains("()", StringComparison.Ordinal)
                || message.Request.Uri.Query.Contains("$filter", StringComparison.Ordinal) ? "query" : path;
            lock (_requests)
            {
                _requests.Add($"{message.Request.Method} {kind}");
            }
        }
    }
}
