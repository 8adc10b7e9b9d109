using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Interview.LoadTest.Results;

namespace Interview.LoadTest.Clients;

/// <summary>
/// The app's HTTP API with the retry rules a careful frontend follows: network errors, 408, 429 and 5xx are retried
/// (honouring Retry-After) with the very same request, so a turn keeps its Idempotency-Key; any other answer is final,
/// 409 concurrent_turn included. Every loop ends at the caller's deadline.
/// </summary>
public sealed class ApiClient(HttpClient http, RunCounters counters)
{
    public const string IdempotencyHeader = "Idempotency-Key";
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(10);

    public Task<Reply> StartAsync(string id, string candidateName, DateTimeOffset deadline, CancellationToken ct) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"session/start/{id}")
        {
            Content = JsonContent.Create(new Dictionary<string,
                string> { ["candidate_name"] = candidateName, ["role"] = "Backend Engineer" }),
        }, deadline, ct);

    /// <summary>
    /// One answer as a browser's FormData sends it. Every attempt carries the same key. <paramref name="streamed"/>: asked for
    /// as a stream, as the page does (the done event is the body; the reply's <see cref="Reply.Resets"/> counts the resets).
    /// </summary>
    public Task<Reply> TurnAsync(
        string id, string text, string idempotencyKey, DateTimeOffset deadline, CancellationToken ct, bool streamed = false) =>
        SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post,
                $"session/turn/{id}") { Content = new MultipartFormDataContent { { new StringContent(text), "text" } } };
            request.Headers.Add(IdempotencyHeader, idempotencyKey);
            if (streamed)
            {
                request.Headers.Accept.ParseAdd("text/event-stream");
            }

            return request;
        }, deadline, ct);

    /// <summary>Ends the interview (DELETE), which asks for its evaluation.</summary>
    public Task<Reply> EndAsync(string id, DateTimeOffset deadline, CancellationToken ct) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, $"session/state/{id}"), deadline, ct);

    /// <summary>The evaluation report: 200 once stored (or failed), 202 while it runs.</summary>
    public Task<Reply> EvaluationAsync(string id, DateTimeOffset deadline, CancellationToken ct) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"session/evaluation/{id}"), deadline, ct);

    public Task<Reply> StateAsync(string id, DateTimeOffset deadline, CancellationToken ct) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"session/state/{id}"), deadline, ct);

    private async Task<Reply> SendAsync(Func<HttpRequestMessage> build, DateTimeOffset deadline, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        double firstMs = 0;
        string lastError = "deadline passed before the first attempt";
        for (var attempt = 1; ; attempt++)
        {
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return new Reply(0, null, null, attempt - 1, firstMs, Ms(started), lastError);
            }

            if (attempt > 1)
            {
                counters.Retried(lastError);
            }

            TimeSpan? retryAfter = null;
            var attemptStarted = Stopwatch.GetTimestamp();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(left < AttemptTimeout ? left : AttemptTimeout);
            try
            {
                using var request = build();
                using var response = await http.SendAsync(request, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                firstMs = attempt == 1 ? Ms(attemptStarted) : firstMs;
                var (status, body, resets) = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
                    ? TurnEvents.Read(text)
                    : ((int)response.StatusCode, Parse(text), 0);
                var code = body is JsonObject o && o["code"] is JsonValue c ? c.ToString() : null;
                if (status is not (408 or 429 or >= 500))
                {
                    return new Reply(status, code, body, attempt, firstMs, Ms(started), null, resets);
                }

                lastError = $"{status} {code}".TrimEnd();
                retryAfter = response.Headers.RetryAfter is { } ra ? ra.Delta ?? (ra.Date - DateTimeOffset.UtcNow) : null;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                lastError = "network error";
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                lastError = "no answer within the attempt timeout";
            }

            var wait = retryAfter is { } r ? (r < TimeSpan.Zero ? TimeSpan.Zero : r > LongestWait ? LongestWait : r) : Backoff(attempt);
            left = deadline - DateTimeOffset.UtcNow;
            await Task.Delay(wait < left ? wait : left > TimeSpan.Zero ? left : TimeSpan.Zero, ct);
        }
    }

    /// <summary>50 ms doubling to 1 s, with jitter so that clients cut off together do not come back together.</summary>
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(1000, 50 * Math.Pow(2, attempt - 1)) * (0.5 + Random.Shared.NextDouble()));

    private static double Ms(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private static JsonNode? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
