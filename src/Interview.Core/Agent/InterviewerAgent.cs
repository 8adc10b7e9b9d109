using System.Diagnostics;
using Interview.Core.Domain;
using Interview.Core.Plans;
using Interview.Core.Speech;
using Interview.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Interview.Core.Agent;

/// <summary>
/// The stateless interviewer: state comes in, a reply and the new state go out, nothing is kept between calls.
/// Any instance can serve any turn; the caller stores the returned state.
/// </summary>
public sealed partial class InterviewerAgent(
    IInterviewerBrain brain,
    IAudioStore audioStore,
    PlanCatalog plans,
    TimeProvider clock,
    ILogger<InterviewerAgent> logger,
    ISpeechToText? speechToText = null,
    ITextToSpeech? textToSpeech = null)
{
    /// <summary>False when no speech-to-text is configured: audio answers must then be refused (the caller says why).</summary>
    public bool AcceptsAudio => speechToText is not null;

    /// <summary>The formats the speech-to-text can decode; empty without one.</summary>
    public IReadOnlySet<AudioFormat> AudioFormats => speechToText?.AcceptedFormats ?? new HashSet<AudioFormat>();

    /// <summary>True when replies are synthesized to audio.</summary>
    public bool Speaks => textToSpeech is not null;

    public async Task<(AgentResponse Response, SessionState State)> StartInterviewAsync(
        string interviewId, StartOptions options, CancellationToken cancellationToken)
    {
        var plan = plans.Get(options.PlanId ?? PlanCatalog.DefaultPlanId);
        var now = clock.GetUtcNow().UtcDateTime;
        var blank = new SessionState(
            interviewId, plan.Phases[0].Name, [], [], [], 0, now, now, SessionStatus.Active,
            plan.Id, options.Role ?? plan.Role, options.CandidateName, InterviewProgress.Empty);
        var thinking = Stopwatch.StartNew();
        BrainReply reply;
        using (TurnTracing.Start("brain", interviewId))
        {
            reply = await brain.OpenAsync(plan, blank, cancellationToken);
        }

        return await RespondAsync(plan, blank, reply, new TurnTimings(0, thinking.ElapsedMilliseconds, 0, 0), cancellationToken);
    }

    public async Task<(AgentResponse Response, SessionState State)> ProcessTurnAsync(
        TurnInput input, SessionState state, CancellationToken cancellationToken)
    {
        if (state.Status != SessionStatus.Active)
        {
            throw new InvalidOperationException($"Interview {state.InterviewId} is {state.Status}; it takes no more turns.");
        }

        var plan = plans.Get(state.PlanId);
        var listening = Stopwatch.StartNew();
        var (transcript, audioRef) = await HearAsync(input, plan, state, cancellationToken);
        var sttMs = input.Audio is null ? 0 : listening.ElapsedMilliseconds;
        var heard = state with
        {
            ConversationHistory = [.. state.ConversationHistory,
                new ConversationTurn(Roles.Candidate, transcript.Text, audioRef, clock.GetUtcNow().UtcDateTime, state.CurrentPhase, Confidence: transcript.Confidence)],
        };
        var thinking = Stopwatch.StartNew();
        BrainReply reply;
        using (TurnTracing.Start("brain", state.InterviewId))
        {
            reply = await brain.DecideAsync(plan, heard, transcript.Text, cancellationToken);
        }

        return await RespondAsync(plan, heard, reply, new TurnTimings(sttMs, thinking.ElapsedMilliseconds, 0, 0), cancellationToken);
    }

    private static SpeechHints Hints(InterviewPlan plan, SessionState state) =>
        new(plan.Locale, plan.Voice, [state.Role, .. plan.Vocabulary ?? []]);

    /// <summary>
    /// Transcribes while the recording uploads, so a turn waits for the slower of the two, not both. If transcription
    /// fails the uploaded copy is removed: a refused turn leaves nothing behind.
    /// </summary>
    private async Task<(Transcript Transcript, string? AudioRef)> HearAsync(TurnInput input, InterviewPlan plan, SessionState state, CancellationToken ct)
    {
        if (input.Audio is not { } audio)
        {
            return (new Transcript(input.Text?.Trim() ?? ""), null);
        }

        if (speechToText is null)
        {
            throw new InvalidOperationException("Audio answers need a speech-to-text provider; check AcceptsAudio first.");
        }

        using var span = TurnTracing.Start("stt", state.InterviewId);
        var upload = audioStore.SaveAsync(state.InterviewId, Roles.Candidate, audio, ct);
        try
        {
            var transcript = await speechToText.TranscribeAsync(audio, Hints(plan, state), ct);
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
        InterviewPlan plan, SessionState state, BrainReply reply, TurnTimings timings, CancellationToken cancellationToken)
    {
        var speaking = Stopwatch.StartNew();
        var audioRef = await SpeakAsync(plan, state, reply.Text, cancellationToken);
        timings = timings with { TtsMs = textToSpeech is null ? 0 : speaking.ElapsedMilliseconds };
        var now = clock.GetUtcNow().UtcDateTime;
        var next = StateTransitions.Apply(plan, state, reply, now);
        next = next with
        {
            ConversationHistory = [.. state.ConversationHistory,
                new ConversationTurn(Roles.Interviewer, reply.Text, audioRef, now, next.CurrentPhase, reply.Action.ActionType)],
        };
        var response = new AgentResponse(reply.Text, audioRef, reply.Action, next.Status == SessionStatus.Active) { Timings = timings };
        return (response, next);
    }

    // Speech is a nicety: a failing synthesizer degrades the turn to text, it never fails it.
    private async Task<string?> SpeakAsync(InterviewPlan plan, SessionState state, string text, CancellationToken cancellationToken)
    {
        if (textToSpeech is null)
        {
            return null;
        }

        using var span = TurnTracing.Start("tts", state.InterviewId);
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
