using System.Text.Json;

namespace Interview.Functions.Tests.Hosting.WorkerPath;

/// <summary>
/// What the host hands the worker beside the gRPC messages: its command line, a [DurableClient]'s binding, and each
/// request forwarded to it.
/// </summary>
internal static class HostToWorker
{
    /// <summary>
    /// What the Durable extension gives a [DurableClient] binding: its gRPC endpoint, the task hub, and the client's receive
    /// limit (the extension's MaxGrpcMessageSizeInBytes default; left out it is 0 and every answer is refused). The worker
    /// takes a missing grpcHttpClientTimeout as its 100 s default.
    /// </summary>
    public static string Payload(Uri address, string taskHub) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["maxGrpcMessageSizeInBytes"] = 4194304,
        ["taskHubName"] = taskHub,
        ["connectionName"] = "Storage",
        ["rpcBaseUrl"] = address.AbsoluteUri,
        ["requiredQueryStringParameters"] = "",
        ["baseUrl"] = "http://functions.test/runtime/webhooks/durabletask",
        ["httpBaseUrl"] = "http://functions.test/runtime/webhooks/durabletask",
    });

    /// <summary>The request as the host's proxy forwards it to the worker's HttpUri, paired by x-ms-invocation-id.</summary>
    public static HttpRequestMessage Forwarded(HttpRequestMessage request, Uri target, string invocationId)
    {
        var forward = new HttpRequestMessage(request.Method, target) { Content = request.Content };
        foreach (var header in request.Headers)
        {
            forward.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        forward.Headers.Add("x-ms-invocation-id", invocationId);
        forward.Headers.Add("X-Forwarded-For", "127.0.0.1");
        forward.Headers.Add("X-Forwarded-Proto", "http");
        forward.Headers.Add("X-Forwarded-Host", request.RequestUri!.Authority);
        return forward;
    }

    /// <summary>The worker's command line, as RpcWorkerProcess starts a dotnet-isolated worker (both spellings of each).</summary>
    public static string[] Arguments(string dll, Uri address, string workerId, string requestId)
    {
        var max = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            dll, "--host", address.Host, "--port", address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", max, "--functions-uri", address.AbsoluteUri,
            "--functions-worker-id", workerId, "--functions-request-id", requestId, "--functions-grpc-max-message-length", max,
        ];
    }
}
