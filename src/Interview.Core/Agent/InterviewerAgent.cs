using Interview.Core.Domain;
using Interview.Core.Plans;
using Interview.Core.Speech;
using Interview.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Interview.Core.Agent;

/// <summary>
/// The stateless interviewer: state comes in, a reply and the new state go out, nothing is kept between calls.
/// Any instance can serve any turn; the caller checks the session may take the turn, and stores the returned state.
/// </summary>
public sealed partial class InterviewerAgent(
    IInterviewerBrain brain,
    IAudioStore audioStore,
    PlanCatalog plans,
    AudioGate gate,
    TimeProvider clock,
    ILogger<InterviewerAgent> logger,
    ISpeechToText? speechToText = null,
    ITextToSpeech? textToSpeech = null)
{
    /// <summary>True when replies are synthesized to audio.</summary>
    public bool Speaks => textToSpeech is not null;

    public async Task<(AgentResponse Response, SessionState State)> StartInterviewAsync(
        string interviewId, StartOptions options, TurnClock timer, CancellationToken cancellationToken)
    {
        var plan = plans.Get(options.PlanId ?? PlanCatalog.DefaultPlanId);
        var now = clock.GetUtcNow().UtcDateTime;
        var blank = new SessionState(
            interviewId, plan.Phases[0].Name, [], [], [], 0, now, now, SessionStatus.Active,
            plan.Id, options.Role ?? plan.Role, options.CandidateName, InterviewProgress.Empty);
        BrainReply reply;
        using (timer.Stage(TurnStage.Brain))
        {
            reply = await brain.OpenAsync(plan, blank, cancellationToken);
        }

        return await RespondAsync(plan, blank, reply, timer, cancellationToken);
    }

    /// <summary>Hears the answer (transcribing audio the <see cref="AudioGate"/> let through), decides, and speaks.</summary>
    public async Task<(AgentResponse Response, SessionState State)> ProcessTurnAsync(
        TurnInput input, SessionState state, TurnClock timer, CancellationToken cancellationToken)
    {
        var plan = plans.Get(state.PlanId);
        var (transcript, audioRef) = await HearAsync(input, plan, state, timer, cancellationToken);
        var answer = new ConversationTurn(Roles.Candidate, transcript.Text, audioRef, clock.GetUtcNow().UtcDateTime, state.CurrentPhase, Confidence: transcript.Confidence);
        var heard = StateTransitions.Hear(state, answer);
        BrainReply reply;
        using (timer.Stage(TurnStage.Brain))
        {
            reply = await brain.DecideAsync(plan, heard, transcript.Text, cancellationToken);
        }

        return await RespondAsync(plan, heard, reply, timer, cancellationToken);
    }

    private static SpeechHints Hints(InterviewPlan plan, SessionState state) =>
        new(plan.Locale, plan.Voice, [state.Role, .. plan.Vocabulary ?? []]);

    /// <summary>
    /// Transcribes while the recording uploads, so a turn waits for the slower of the two, not both. If transcription
    /// fails, or the decoded recording is too long, the uploaded copy is removed: a refused turn leaves nothing behind.
    /// </summary>
    private async Task<(Transcript Transcript, string? AudioRef)> HearAsync(
        TurnInput input, InterviewPlan plan, SessionState state, TurnClock timer, CancellationToken ct)
    {
        if (input.Audio is not { } audio)
        {
            return (new Transcript(input.Text?.Trim() ?? ""), null);
        }

        using var stage = timer.Stage(TurnStage.Stt);
        var upload = audioStore.SaveAsync(state.InterviewId, Roles.Candidate, audio, ct);
        try
        {
            var transcript = await speechToText!.TranscribeAsync(audio, Hints(plan, state), ct);
            if (transcript.Duration is { } length && gate.CheckLength(length) is { } refusal)
            {
                throw new AudioRejectedException(refusal);
            }

            return (transcript with { Text = transcript.Text.Trim() }, await upload);
        }
        catch
        {
            await DiscardAsync(upload, state.InterviewId);
            throw;
        }
    }

    private async Task DiscardAsync(Task<string> upload, string interviewId)
    {
        try
        {
            await audioStore.DeleteAsync(await upload, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The container's retention rule removes what this could not.
            Log.DiscardFailed(logger, ex, interviewId);
        }
    }

    private async Task<(AgentResponse, SessionState)> RespondAsync(
        InterviewPlan plan, SessionState state, BrainReply reply, TurnClock timer, CancellationToken cancellationToken)
    {
        var audioRef = await SpeakAsync(plan, state, reply.Text, timer, cancellationToken);
        var next = StateTransitions.Apply(plan, state, reply, audioRef, clock.GetUtcNow().UtcDateTime);
        return (new AgentResponse(reply.Text, audioRef, reply.Action, next.Status == SessionStatus.Active), next);
    }

    // Speech is a nicety: a failing synthesizer degrades the turn to text, it never fails it.
    private async Task<string?> SpeakAsync(InterviewPlan plan, SessionState state, string text, TurnClock timer, CancellationToken cancellationToken)
    {
        if (textToSpeech is null)
        {
            return null;
        }

        using var stage = timer.Stage(TurnStage.Tts);
        try
        {
            var audio = await textToSpeech.SynthesizeAsync(text, Hints(plan, state), cancellationToken);
            return await audioStore.SaveAsync(state.InterviewId, Roles.Interviewer, audio, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation; only the caller's cancellation propagates.
            Log.SpeechFailed(logger, ex, state.InterviewId);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Text-to-speech failed for interview {InterviewId}; the reply goes out text-only")]
        public static partial void SpeechFailed(ILogger logger, Exception exception, string interviewId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the audio of a refused turn of interview {InterviewId}")]
        public static partial void DiscardFailed(ILogger logger, Exception exception, string interviewId);
    }
}
