using Interview.Functions.Interviewer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Tests.Interviewer;

/// <summary>
/// The interviewer's settings are validated at start-up (ValidateOnStart); resolved here directly from the app's
/// own registrations, because a host that fails to start races its disposal inside WebApplicationFactory.
/// </summary>
public sealed class BrainSettingsTests
{
    [Theory]
    [InlineData("azure-openai", "AzureOpenAI:Endpoint")]
    [InlineData("openai-compatible", "OpenAICompatible:BaseUrl")]
    [InlineData("gpt-please", "Interviewer:Brain must be")]
    public void Selected_brain_without_its_settings_is_refused_with_a_clear_message(string brain, string mentioned)
    {
        using var services = Services(new() { ["Interviewer:Brain"] = brain });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<InterviewerOptions>>().Value);

        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_openai_with_endpoint_and_deployment_is_accepted()
    {
        using var services = Services(new()
        {
            ["Interviewer:Brain"] = "azure-openai",
            ["AzureOpenAI:Endpoint"] = "https://example.openai.azure.com/",
            ["AzureOpenAI:Deployment"] = "gpt-4o-mini",
        });

        Assert.Equal("azure-openai", services.GetRequiredService<IOptions<InterviewerOptions>>().Value.Brain);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddInterviewer();
        return builder.Services.BuildServiceProvider();
    }
}
