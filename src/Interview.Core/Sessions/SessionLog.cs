using Interview.Core.Domain;
using Interview.Core.Recruiting;
using Microsoft.Extensions.Logging;

namespace Interview.Core.Sessions;

/// <summary>The session service's and the turn's log lines, and the list's update that only logs when it fails.</summary>
internal static partial class SessionLog
{
    /// <summary>The list learns what was committed; if it cannot, the row is made good when the list or a later write reads it.</summary>
    public static async Task RecordLoggedAsync(this IInterviewIndex index, SessionState state, ILogger logger, CancellationToken ct)
    {
        try
        {
            await index.RecordAsync(state, null, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            IndexFailed(logger, ex, state.InterviewId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId} started with plan {PlanId}")]
    public static partial void Started(ILogger logger, string interviewId, string planId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Interview {InterviewId} turn: stt {SttMs} ms, brain {BrainMs} ms, tts {TtsMs} ms, store {StoreMs} ms")]
    public static partial void TurnTimed(ILogger logger, string interviewId, long sttMs, long brainMs, long ttsMs, long storeMs);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The interviews list could not record interview {InterviewId}; it is repaired when read")]
    public static partial void IndexFailed(ILogger logger, Exception exception, string interviewId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Interview {InterviewId}: whether the turn committed is unknown, so its recording is kept")]
    public static partial void RecordingKept(ILogger logger, Exception ex, string interviewId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Speech-to-text unavailable for interview {InterviewId}; turn not committed")]
    public static partial void SpeechUnavailable(ILogger logger, Exception exception, string interviewId);
}
