using System.Net;
using Interview.Core.Speech;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Speech.Azure;

/// <summary>
/// Sends one Azure AI Speech request with a timeout per attempt and retries on 408, 429, 5xx and network errors,
/// honouring Retry-After, all within <see cref="SpeechOptions.RetryBudget"/>. Gives up with
/// <see cref="SpeechUnavailableException"/>, carrying how long the caller should wait.
/// </summary>
public sealed partial class SpeechHttp(HttpClient http, SpeechAuth auth, IOptions<SpeechOptions> options, TimeProvider clock,
    ILogger<SpeechHttp> logger)
{
    public const string UserAgent = "interview-functions/1.0";

    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, string what, CancellationToken ct)
    {
        var o = options.Value;
        var deadline = clock.GetUtcNow() + o.RetryBudget;
        for (var attempt = 1; ; attempt++)
        {
            using var request = build();
            request.Headers.UserAgent.ParseAdd(UserAgent);
            await auth.ApplyAsync(request, ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var remaining = deadline - clock.GetUtcNow();
            timeout.CancelAfter(remaining < o.CallTimeout ? remaining : o.CallTimeout);

            string failure;
            TimeSpan? retryAfter = null;
            try
            {
                var response = await http.SendAsync(request, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                retryAfter = RetryAfter(response);
                failure = $"HTTP {(int)response.StatusCode}";
                var transient = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                    || (int)response.StatusCode >= 500;
                response.Dispose();
                if (!transient)
                {
                    throw Unavailable(what, failure, attempt, null);
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                failure = $"no answer within {o.CallTimeout.TotalSeconds:0.#} s";
            }
            catch (HttpRequestException ex)
            {
                failure = $"network error: {ex.Message}";
            }

            var wait = retryAfter ?? TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt - 1));
            if (clock.GetUtcNow() + wait >= deadline)
            {
                throw Unavailable(what, failure, attempt, retryAfter);
            }

            Log.Retrying(logger, what, attempt, failure, (long)wait.TotalMilliseconds);
            await Task.Delay(wait, clock, ct);
        }
    }

    private SpeechUnavailableException Unavailable(string what, string failure, int attempts, TimeSpan? retryAfter)
    {
        Log.GaveUp(logger, what, attempts, failure);
        return new SpeechUnavailableException($"Azure AI Speech {what} failed: {failure} after {attempts} attempt(s).", retryAfter);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is { Ticks: > 0 } until ? until : TimeSpan.Zero,
        _ => null,
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Azure AI Speech {What} attempt {Attempt} failed ({Reason}); retrying in {WaitMs} ms")]
        public static partial void Retrying(ILogger logger, string what, int attempt, string reason, long waitMs);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Azure AI Speech {What} gave up after {Attempts} attempt(s): {Reason}")]
        public static partial void GaveUp(ILogger logger, string what, int attempts, string reason);
    }
}
