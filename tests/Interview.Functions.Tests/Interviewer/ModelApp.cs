using Interview.Core.Speech;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Interviewer;

/// <summary>The app on the azure-openai brain, pointed at a <see cref="FakeHttpServer"/>, with short timeouts.</summary>
internal static class ModelApp
{
    public const string Deployment = "interviewer-gpt";
    public const string ApiKey = "test-key-not-a-secret";

    public static InterviewApp Create(AzuriteFixture azurite, FakeHttpServer model, string callTimeout = "00:00:01",
        string budget = "00:00:04") =>
        new(azurite, settings: new Dictionary<string, string>
        {
            ["Interviewer:Brain"] = "azure-openai",
            ["Interviewer:CallTimeout"] = callTimeout,
            ["Interviewer:RetryBudget"] = budget,
            ["AzureOpenAI:Endpoint"] = model.BaseUrl.ToString(),
            ["AzureOpenAI:Deployment"] = Deployment,
            ["AzureOpenAI:ApiKey"] = ApiKey,
        });

    /// <summary>
    /// The app speaking every line (with <see cref="CountingVoice"/>), so a streamed turn sends audio; with
    /// <paramref name="acknowledge"/> false its line has no "Okay." first, for tests that time the model's own words.
    /// </summary>
    public static InterviewApp Voiced(AzuriteFixture azurite, FakeHttpServer model, bool acknowledge = true) =>
        new(azurite, s => s.AddSingleton<ITextToSpeech>(new CountingVoice()), new Dictionary<string, string>
        {
            ["Interviewer:Brain"] = "azure-openai", ["Interviewer:CallTimeout"] = "00:00:10", ["Interviewer:RetryBudget"] = "00:00:20",
            ["Interviewer:Acknowledge"] = acknowledge ? "true" : "false",
            ["AzureOpenAI:Endpoint"] = model.BaseUrl.ToString(), ["AzureOpenAI:Deployment"] = Deployment, ["AzureOpenAI:ApiKey"] = ApiKey,
        });

    /// <summary>Starts an interview with the opening answered by the model, so the next request is the turn's.</summary>
    public static async Task<HttpClient> StartedAsync(this InterviewApp app, FakeHttpServer model, string id)
    {
        model.Enqueue(ChatReplies.Turn("new_question", "Hello! Tell me about your background.", questionId: "intro-background"));
        var client = app.CreateClient();
        await (await client.StartAsync(id, new { candidate_name = "Ada" })).JsonAsync();
        return client;
    }
}
