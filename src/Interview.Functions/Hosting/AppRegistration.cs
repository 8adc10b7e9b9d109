using Interview.Functions.Candidates;
using Interview.Functions.Edge;
using Interview.Functions.Evaluation;
using Interview.Functions.Interviewer;
using Interview.Functions.Plans;
using Interview.Functions.Recruiter;
using Interview.Functions.Security;
using Interview.Functions.Speech;
using Interview.Functions.Storage;
using Interview.Functions.Webhooks;
using Interview.Functions.Startup;

namespace Interview.Functions.Hosting;

public static class AppRegistration
{
    /// <summary>Every feature, registered the same way whichever host runs the functions.</summary>
    public static IHostApplicationBuilder AddInterviewApp(this IHostApplicationBuilder builder) => builder
        .AddStartupFailureLogging()
        .AddStartupWork()
        .AddTelemetry()
        .AddHttpEdge()
        .AddInterviewStorage()
        .AddPlans()
        .AddInterviewer()
        .AddSpeech()
        .AddEvaluation()
        .AddSecurity()
        .AddRecruiting()
        .AddWebhooks()
        .AddCandidates();
}
