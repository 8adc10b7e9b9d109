using Interview.Core.Agent;
using Interview.Core.Plans;
using Interview.Core.Rules;
using Interview.Core.Sessions;
using Interview.Core.Speech;
using Interview.Core.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interview.Core.Tests.Sessions;

/// <summary>A <see cref="SessionService"/> over in-memory fakes, with the rules brain and the embedded plan.</summary>
internal sealed class SessionHarness
{
    public const string Id = "iv-1";

    public InMemorySessionStore Store { get; } = new();

    public InMemoryAudioStore Audio { get; } = new();

    public InMemoryInterviewIndex Index { get; } = new();

    public InMemoryPlanStore Plans { get; } = new();

    public SessionService Service(ISpeechToText? stt = null)
    {
        var clock = new FixedClock();
        var gate = new AudioGate(300, stt);
        var plans = TestPlanLibrary.Create(Plans);
        var agent = new InterviewerAgent(new RulesBrain(), Audio, plans, gate, clock, NullLogger<InterviewerAgent>.Instance, stt);
        return new SessionService(Store, agent, gate, plans, Index, clock, NullLogger<SessionService>.Instance);
    }

    /// <summary>A service whose interview <see cref="Id"/> has been started and saved.</summary>
    public async Task<SessionService> StartedAsync(ISpeechToText? stt = null)
    {
        var service = Service(stt);
        Assert.Null((await service.StartAsync(Id, new StartOptions(), CancellationToken.None)).Error);
        return service;
    }
}
