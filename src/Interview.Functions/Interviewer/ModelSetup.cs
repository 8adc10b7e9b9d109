using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace Interview.Functions.Interviewer;

/// <summary>Builds the chat client for the configured brain: Azure OpenAI (key or Entra ID) or any OpenAI-compatible server.</summary>
internal static class ModelSetup
{
    public static ChatClient CreateChatClient(IServiceProvider services)
    {
        var interviewer = services.GetRequiredService<IOptions<InterviewerOptions>>().Value;
        if (interviewer.Brain == InterviewerOptions.AzureOpenAI)
        {
            var azure = services.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value;
            var options = Configure(new AzureOpenAIClientOptions(), interviewer);
            var client = string.IsNullOrEmpty(azure.ApiKey)
                ? new AzureOpenAIClient(azure.Endpoint, services.GetRequiredService<TokenCredential>(), options)
                : new AzureOpenAIClient(azure.Endpoint, new ApiKeyCredential(azure.ApiKey), options);
            return client.GetChatClient(azure.Deployment);
        }

        var compatible = services.GetRequiredService<IOptions<OpenAICompatibleOptions>>().Value;
        var openAi = Configure(new OpenAIClientOptions { Endpoint = compatible.BaseUrl }, interviewer);
        // Local servers such as Ollama ignore the key, but the client requires one.
        return new ChatClient(compatible.Model,
            new ApiKeyCredential(string.IsNullOrEmpty(compatible.ApiKey) ? "unused" : compatible.ApiKey), openAi);
    }

    /// <summary>No SDK retries: <see cref="ChatModel"/> owns retrying within the turn's budget.</summary>
    private static T Configure<T>(T options, InterviewerOptions interviewer)
        where T : ClientPipelineOptions
    {
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        options.NetworkTimeout = interviewer.CallTimeout;
        return options;
    }

    /// <summary>Start-up fails with a clear message when the selected brain lacks its settings.</summary>
    public static bool HasSettingsFor(InterviewerOptions interviewer, AzureOpenAIOptions azure, OpenAICompatibleOptions compatible)
        => interviewer.Brain switch
    {
        InterviewerOptions.AzureOpenAI => azure.Endpoint is not null && !string.IsNullOrWhiteSpace(azure.Deployment),
        InterviewerOptions.OpenAICompatible => compatible.BaseUrl is not null && !string.IsNullOrWhiteSpace(compatible.Model),
        _ => true,
    };
}
