using Interview.Core.Domain;
using Interview.Core.Plans;
using Interview.Core.Speech;
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
    public const string DefaultLocale = "en-US";

    /// <summary>False when no speech-to-text is configured: audio answers must then be refused (the caller says why).</summary>
    public bool AcceptsAudio => speechToText is not null;

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
        var reply = await brain.OpenAsync(plan, blank, cancellationToken);
        return await RespondAsync(plan, blank, reply, cancellationToken);
    }

    public async Task<(AgentResponse Response, SessionState State)> ProcessTurnAsync(
        TurnInput input, SessionState state, CancellationToken cancellationToken)
    {
        if (state.Status != SessionStatus.Active)
        {
            throw new InvalidOperationException($"Interview {state.InterviewId} is {state.Status}; it takes no more turns.");
        }

        var plan = plans.Get(state.PlanId);
        var (answer, audioRef) = await HearAsync(input, state.InterviewId, cancellationToken);
        var heard = state with
        {
            ConversationHistory = [.. state.ConversationHistory,
                new ConversationTurn(Roles.Candidate, answer, audioRef, clock.GetUtcNow().UtcDateTime, state.CurrentPhase)],
        };
        var reply = await brain.DecideAsync(plan, heard, answer, cancellationToken);
        return await RespondAsync(plan, heard, reply, cancellationToken);
    }

    private async Task<(string Answer, string? AudioRef)> HearAsync(TurnInput input, string interviewId, CancellationToken cancellationToken)
    {
        if (input.Audio is not { } audio)
        {
            return (input.Text?.Trim() ?? "", null);
        }

        if (speechToText is null)
        {
            throw new InvalidOperationException("Audio answers need a speech-to-text provider; check AcceptsAudio first.");
        }

        // Transcribe before storing: if the provider fails, nothing of this turn is left behind.
        var transcript = await speechToText.TranscribeAsync(audio, DefaultLocale, cancellationToken);
        var audioRef = await audioStore.SaveAsync(interviewId, Roles.Candidate, audio, cancellationToken);
        return (transcript.Text.Trim(), audioRef);
    }

    private async Task<(AgentResponse, SessionState)> RespondAsync(
        InterviewPlan plan, SessionState state, BrainReply reply, CancellationToken cancellationToken)
    {
        var audioRef = await SpeakAsync(state.InterviewId, reply.Text, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var next = StateTransitions.Apply(plan, state, reply, now);
        next = next with
        {
            ConversationHistory = [.. state.ConversationHistory,
                new ConversationTurn(Roles.Interviewer, reply.Text, audioRef, now, next.CurrentPhase, reply.Action.ActionType)],
        };
        var response = new AgentResponse(reply.Text, audioRef, reply.Action, next.Status == SessionStatus.Active);
        return (response, next);
    }

    // Speech is a nicety: a failing synthesizer degrades the turn to text, it never fails it.
    private async Task<string?> SpeakAsync(string interviewId, string text, CancellationToken cancellationToken)
    {
        if (textToSpeech is null)
        {
            return null;
        }

        try
        {
            var audio = await textToSpeech.SynthesizeAsync(text, cancellationToken);
            return await audioStore.SaveAsync(interviewId, Roles.Interviewer, audio, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation; only the caller's cancellation propagates.
            Log.SpeechFailed(logger, ex, interviewId);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Text-to-speech failed for interview {InterviewId}; the reply goes out text-only")]
        public static partial void SpeechFailed(ILogger logger, Exception exception, string interviewId);
    }
}
