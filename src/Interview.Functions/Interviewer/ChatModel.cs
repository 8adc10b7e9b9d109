using System.ClientModel;
using System.Diagnostics;
using System.Globalization;
using Interview.Core.Domain;
using Interview.Core.Llm;
using Microsoft.Extensions.Options;
using OpenAI.Chat;

namespace Interview.Functions.Interviewer;

/// <summary>
/// One structured chat completion with a deadline, whole or streamed: a timeout per call, retries on 408, 429, 5xx and network
/// errors that honour Retry-After, all within <see cref="InterviewerOptions.RetryBudget"/>. The SDK's own retries
/// are off (see <see cref="ModelSetup"/>) so that this is the only retry loop and the budget holds.
/// </summary>
public sealed partial class ChatModel(ChatClient chat, IOptions<InterviewerOptions> options, BrainMetrics metrics, TimeProvider clock,
    ILogger<ChatModel> logger)
    : IChatModel
{
    /// <summary>Asks once, retrying transient failures until <paramref name="deadline"/> (the turn's whole budget).</summary>
    public async Task<ChatReply> CompleteAsync(ChatRequest ask, DateTimeOffset deadline, IContentStream? stream, CancellationToken ct)
    {
        var o = options.Value;
        ChatMessage[] messages = [new SystemChatMessage(ask.Prompt.System), new UserChatMessage(ask.Prompt.User)];
        var request = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(ask.SchemaName, BinaryData.FromString(ask.Schema),
                jsonSchemaIsStrict: true),
            Temperature = ask.Temperature,
            MaxOutputTokenCount = ask.MaxOutputTokens,
        };

        var delivered = false;
        string? lastFailure = null; // said when the budget runs out, so the fallback names the cause, not only the clock
        for (var attempt = 1; ; attempt++)
        {
            if (delivered)
            {
                stream!.Restart(); // a broken stream is retried from the start
                delivered = false;
            }

            var remaining = deadline - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                var cause = lastFailure is null ? "" : $" after {lastFailure} ({attempt - 1} attempt(s))";
                return Failed(Stopwatch.GetTimestamp(), "timeout", $"turn budget spent{cause}", attempt - 1);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(remaining < o.CallTimeout ? remaining : o.CallTimeout);
            var started = Stopwatch.GetTimestamp();
            (string Kind, string Detail, TimeSpan? RetryAfter) failure;
            try
            {
                string? content;
                ChatTokenUsage? tokens;
                if (stream is null)
                {
                    ChatCompletion completion = await chat.CompleteChatAsync(messages, request, timeout.Token);
                    (content, tokens) = (completion.Content.Count > 0 ? completion.Content[0].Text : null, completion.Usage);
                }
                else
                {
                    var text = new System.Text.StringBuilder();
                    tokens = null;
                    await foreach (var update in chat.CompleteChatStreamingAsync(messages, request, timeout.Token))
                    {
                        foreach (var part in update.ContentUpdate)
                        {
                            text.Append(part.Text);
                            stream.Append(part.Text);
                            delivered = true;
                        }

                        tokens = update.Usage ?? tokens;
                    }

                    content = text.ToString();
                }

                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var call = new ModelUsage(1, tokens?.InputTokenCount ?? 0, tokens?.OutputTokenCount ?? 0, (long)elapsed, 0);
                metrics.Call("ok", elapsed, call.InputTokens, call.OutputTokens);
                Log.Call(logger, attempt, (long)elapsed, call.InputTokens, call.OutputTokens);
                return new ChatReply(content, call, null);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                failure = ("timeout", $"no answer within {o.CallTimeout.TotalSeconds:0.#} s", null);
            }
            catch (ClientResultException ex) when (ex.Status is 0 or 408 or 429 or >= 500)
            {
                failure = (ex.Status == 429 ? "http_429" : ex.Status == 0 ? "network" : "http_5xx", $"HTTP {ex.Status}", RetryAfter(ex));
            }
            catch (ClientResultException ex)
            {
                // 400, 401, 403, 404: asking again will not help.
                return Failed(started, "http_4xx", $"HTTP {ex.Status}: the model refused the request", attempt);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                failure = ("network", "network error", null); // IOException: a stream broken halfway
            }

            lastFailure = failure.Detail;
            var wait = failure.RetryAfter ?? TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt - 1));
            if (clock.GetUtcNow() + wait >= deadline)
            {
                return Failed(started, failure.Kind, $"{failure.Detail} after {attempt} attempt(s)", attempt);
            }

            Log.Retrying(logger, attempt, failure.Detail, (long)wait.TotalMilliseconds);
            await Task.Delay(wait, clock, ct);
        }
    }

    // Every attempt reached (or tried to reach) the model, so each counts as a call.
    private ChatReply Failed(long started, string kind, string detail, int attempt)
    {
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        metrics.Call(kind, elapsed, 0, 0);
        Log.Failed(logger, attempt, detail);
        return new ChatReply(null, ModelUsage.None with { Calls = attempt }, detail, kind);
    }

    /// <summary>retry-after-ms (Azure OpenAI) or Retry-After in seconds or as an HTTP date.</summary>
    private TimeSpan? RetryAfter(ClientResultException ex)
    {
        var headers = ex.GetRawResponse()?.Headers;
        if (headers is null)
        {
            return null;
        }

        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, CultureInfo.InvariantCulture, out var millis))
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        if (headers.TryGetValue("Retry-After", out var value))
        {
            if (double.TryParse(value, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return date - clock.GetUtcNow() is { Ticks: > 0 } until ? until : TimeSpan.Zero;
            }
        }

        return null;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information,
            Message = "Model call attempt {Attempt} took {LatencyMs} ms: {InputTokens} input tokens, {OutputTokens} output tokens")]
        public static partial void Call(ILogger logger, int attempt, long latencyMs, long inputTokens, long outputTokens);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Model call attempt {Attempt} failed ({Reason}); retrying in {WaitMs} ms")]
        public static partial void Retrying(ILogger logger, int attempt, string reason, long waitMs);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Model call gave up after {Attempts} attempt(s): {Reason}")]
        public static partial void Failed(ILogger logger, int attempts, string reason);
    }
}
