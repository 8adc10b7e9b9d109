using Interview.Core.Agent;
using Interview.Core.Speech;
using Interview.Functions.Edge;
using Interview.Functions.Interviewer;
using Interview.Functions.Speech;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Interview.Functions.Health;

/// <summary>
/// Readiness. Standalone, the app listens only once storage is initialized (tables, containers and queues exist), so
/// any answer here means ready; the flags say which speech providers are configured.
/// </summary>
public sealed class HealthFunction(InterviewerAgent agent, AudioGate audio, IOptions<InterviewerOptions> brain, SpeechSelection speech)
{
    public sealed record HealthReport(string Status, string Brain, string Speech, bool SpeechToText, bool TextToSpeech);

    [Function("Health")]
    [Described("health", "Readiness, and which brain and speech providers run")]
    [Returns(Status200OK, typeof(HealthReport))]
    public Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        Task.FromResult<IResult>(TypedResults.Ok(new HealthReport("ready", brain.Value.Brain, speech.Provider, audio.AcceptsAudio, agent.Speaks)));
}
