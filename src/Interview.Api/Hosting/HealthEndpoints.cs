using Interview.Api.Interviewer;
using Interview.Api.Speech;
using Interview.Core.Agent;
using Microsoft.Extensions.Options;

namespace Interview.Api.Hosting;

public static class HealthEndpoints
{
    public sealed record HealthReport(string Status, string Brain, string Speech, bool SpeechToText, bool TextToSpeech);

    /// <summary>
    /// Readiness. The app listens only once storage is initialized (tables, containers and queues exist),
    /// so any answer here means ready; the flags say which speech providers are configured.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (InterviewerAgent agent, IOptions<InterviewerOptions> brain, SpeechSelection speech) =>
                TypedResults.Ok(new HealthReport("ready", brain.Value.Brain, speech.Provider, agent.AcceptsAudio, agent.Speaks)))
            .WithName("Health")
            .WithTags("health");
        return app;
    }
}
