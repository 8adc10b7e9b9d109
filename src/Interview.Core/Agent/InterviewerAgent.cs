using System.Runtime.CompilerServices;
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
    PlanLibrary plans,
    AudioGate gate,
    TimeProvider clock,
    ILogger<InterviewerAgent> logger,
    ISpeechToText? speechToText = null,
    LineVoice? voice = null)
{
    /// <summary>
    /// Each plan's fixed wording, built on its first spoken line: plans never change, <see cref="PlanLibrary"/> keeps them.
    /// </summary>
    private readonly ConditionalWeakTable<InterviewPlan, FixedLines> _fixed = new();

    /// <summary>True when replies are synthesized to audio.</summary>
    public bool Speaks => voice is not null;

    /// <summary>Greets the candidate on <paramref name="pinned"/>, the plan the caller found (the session service, once).</summary>
    public async Task<(AgentResponse Response, SessionState State)> StartInterviewAsync(string interviewId, StartOptions options,
        PinnedPlan pinned, TurnClock timer, ITurnEvents? events, CancellationToken cancellationToken)
    {
        var (plan, version) = pinned;
        var now = clock.GetUtcNow().UtcDateTime;
        var blank = new SessionState(
            interviewId, plan.Phases[0].Name, [], [], [], 0, now, now, SessionStatus.Active,
            plan.Id, options.Role ?? plan.Role, options.CandidateName, InterviewProgress.Empty)
        {
            PlanVersion = version,
            SilenceSeconds = plan.SilenceSeconds,
        };
        var line = Line(plan, blank, timer, events, cancellationToken);
        BrainReply reply;
        using (timer.Stage(TurnStage.Brain))
        {
            reply = brain is IStreamingBrain streaming && events is not null
                ? await streaming.OpenAsync(plan, blank, line, cancellationToken)
                : await brain.OpenAsync(plan, blank, cancellationToken);
        }

        return await RespondAsync(plan, blank, reply, line);
    }

    /// <summary>Hears the answer (transcribing audio the <see cref="AudioGate"/> let through), decides, and speaks.</summary>
    public async Task<(AgentResponse Response, SessionState State)> ProcessTurnAsync(
        TurnInput input, SessionState state, TurnClock timer, ITurnEvents? events, CancellationToken cancellationToken)
    {
        var plan = await plans.GetAsync(state.PlanId, state.PlanVersion, cancellationToken);
        var (transcript, audioRef) = await HearAsync(input, plan, state, timer, cancellationToken);
        if (input.Audio is not null)
        {
            events?.Transcript(transcript);
        }

        var answer = new ConversationTurn(Roles.Candidate, transcript.Text, audioRef, clock.GetUtcNow().UtcDateTime, state.CurrentPhase,
            Confidence: transcript.Confidence);
        var heard = StateTransitions.Hear(state, answer);
        var line = Line(plan, heard, timer, events, cancellationToken);
        if (events is not null && voice is not null && brain is IStreamingBrain { Acknowledges: true }
            && Acknowledgement.For(transcript.Text, state.ConversationHistory.Count(t => t.Role == Roles.Candidate)) is { } ack)
        {
            line.Lead(ack);
        }

        BrainReply reply;
        using (timer.Stage(TurnStage.Brain))
        {
            // Only a streamed turn streams the model: nobody would see the words early otherwise.
            reply = brain is IStreamingBrain streaming && events is not null
                ? await streaming.DecideAsync(plan, heard, transcript.Text, line, cancellationToken)
                : await brain.DecideAsync(plan, heard, transcript.Text, cancellationToken);
        }

        return await RespondAsync(plan, heard, reply, line);
    }

    /// <summary>The recording a turn uploaded, removed when the turn is not committed after all (it lost a race, storage failed).</summary>
    public async Task DiscardRecordingAsync(SessionState answered)
    {
        if (answered.ConversationHistory.LastOrDefault(t => t.Role == Roles.Candidate)?.AudioRef is { } recording)
        {
            await DiscardAsync(Task.FromResult(recording), answered.InterviewId);
        }
    }

    private static SpeechHints Hints(InterviewPlan plan, SessionState state) => SpeechHints.Of(plan, state);

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
        if (input.Text is { } recognised)
        {
            // Recognised in the page while the candidate spoke: the recording is kept for the record, not heard twice.
            return (new Transcript(recognised.Trim()), await upload);
        }

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

    private SpokenLine Line(InterviewPlan plan, SessionState state, TurnClock timer, ITurnEvents? events, CancellationToken ct) =>
        new(voice, Hints(plan, state), state.InterviewId, Fixed(plan), events, timer, logger, ct);

    private FixedLines Fixed(InterviewPlan plan) =>
        voice is null ? FixedLines.None
            : _fixed.GetValue(plan, p => FixedLines.Of(p, [.. brain.FixedWording(p), .. Acknowledgement.Phrases]));

    private async Task<(AgentResponse, SessionState)> RespondAsync(InterviewPlan plan, SessionState state, BrainReply reply,
        SpokenLine line)
    {
        var audioRef = await line.FinishAsync(reply.Text);
        var next = StateTransitions.Apply(plan, state, reply, audioRef, clock.GetUtcNow().UtcDateTime, line.AsSaid(reply.Text));
        return (new AgentResponse(line.AsSaid(reply.Text), audioRef, reply.Action, next.Status == SessionStatus.Active), next);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the audio of a refused turn of interview {InterviewId}")]
        public static partial void DiscardFailed(ILogger logger, Exception exception, string interviewId);
    }
}
