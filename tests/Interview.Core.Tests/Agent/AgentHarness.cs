using Interview.Core.Telemetry;
using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Plans;
using Interview.Core.Speech;
using Interview.Core.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interview.Core.Tests.Agent;

/// <summary>An <see cref="InterviewerAgent"/> over a fixed brain, a stopped clock and an audio store that journals its saves.</summary>
internal sealed class AgentHarness
{
    public static readonly BrainReply Reply =
        new(new AgentAction(ActionType.NewQuestion, "test", null), "Thanks. What next?", "What next?", "intro-motivation");

    public const int MaxAudioSeconds = 300;

    public static readonly AudioClip Recording = new("RIFF\0\0\0\0WAVEfmt "u8.ToArray(), "audio/wav");

    public AgentHarness() => Audio = new InMemoryAudioStore(Journal);

    public FixedClock Clock { get; } = new();

    public FixedBrain Brain { get; } = new(Reply);

    /// <summary>What the speech and storage fakes did, in order.</summary>
    public List<string> Journal { get; } = [];

    public InMemoryAudioStore Audio { get; }

    public InterviewerAgent Agent(ISpeechToText? stt = null, ITextToSpeech? tts = null) =>
        new(Brain, Audio, TestPlanLibrary.Create(), new AudioGate(MaxAudioSeconds, stt), Clock, NullLogger<InterviewerAgent>.Instance, stt,
            tts is null ? null : new LineVoice(tts, Audio));

    /// <summary>A started interview, as the agent's own greeting left it.</summary>
    public async Task<SessionState> StartedAsync(InterviewerAgent agent) =>
        (await agent.StartInterviewAsync("iv-1", new StartOptions(), TestPlans.DefaultPinned,
            new TurnClock("test"), null, CancellationToken.None)).State;
}
