using Interview.Core.Agent;

namespace Interview.Api.Hosting;

public static class HealthEndpoints
{
    public sealed record HealthReport(string Status, bool SpeechToText, bool TextToSpeech);

    /// <summary>
    /// Readiness. The app listens only once storage is initialized (tables, containers and queues exist),
    /// so any answer here means ready; the flags say which speech providers are configured.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (InterviewerAgent agent) => TypedResults.Ok(new HealthReport("ready", agent.AcceptsAudio, agent.Speaks)))
            .WithName("Health")
            .WithTags("health");
        return app;
    }
}
