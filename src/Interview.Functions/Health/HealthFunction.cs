using System.Text.Json.Serialization;
using Interview.Functions.Interviewer;
using Interview.Functions.Speech;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using static Microsoft.AspNetCore.Http.StatusCodes;
using Interview.Functions.Http;
using Interview.Functions.Startup;

namespace Interview.Functions.Health;

/// <summary>
/// Liveness and readiness. It answers as soon as the server listens, while storage set-up (and the twin's Durable engine) may still be
/// starting in the background: <c>status</c> is <c>starting</c> and <c>starting</c> names what, until all is done and it says <c>ready</c>.
/// A request that needs a piece still starting waits for it. The flags say which brain and speech providers are configured.
/// </summary>
public sealed class HealthFunction(IOptions<InterviewerOptions> brain, SpeechSelection speech, IServiceProviderIsService registered,
    StartupWork work)
{
    public sealed record HealthReport(string Status, IReadOnlyList<string> Starting, string Brain, string Speech, bool SpeechToText,
        bool TextToSpeech);

    [Function("Health")]
    [Access(Credential.Anyone)]
    [WithoutStorage]
    [Described("health", "Liveness, what is still starting, and which brain and speech providers run")]
    [Returns(Status200OK, typeof(HealthReport))]
    public Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request)
    {
        var starting = work.Pending;
        var (listens, speaks) = SpeechSelection.Capabilities(registered);
        var report = new HealthReport(starting.Count == 0 ? "ready" : "starting", starting, brain.Value.Brain, speech.Provider,
            listens, speaks);
        return Task.FromResult<IResult>(TypedResults.Json(report, HealthJson.Default.HealthReport));
    }
}

/// <summary>
/// The report's JSON written by generated code: /health is the first request a new instance answers, and should be quick.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HealthFunction.HealthReport))]
internal sealed partial class HealthJson : JsonSerializerContext;
