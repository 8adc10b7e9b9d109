using System.ComponentModel.DataAnnotations;

namespace Interview.Functions.Interviewer;

/// <summary>Section "Interviewer": which brain decides and words each turn, and how long a model may take.</summary>
public sealed class InterviewerOptions
{
    public const string Section = "Interviewer";
    public const string Rules = "rules";
    public const string AzureOpenAI = "azure-openai";
    public const string OpenAICompatible = "openai-compatible";

    [Required, RegularExpression("^(rules|azure-openai|openai-compatible)$",
        ErrorMessage = "Interviewer:Brain must be rules, azure-openai or openai-compatible.")]
    public string Brain { get; set; } = Rules;

    /// <summary>One model call may take this long before it is abandoned.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>All attempts of one turn (timeouts, 429s, 5xx, invalid output) fit in this; then the rules brain answers.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// On a streamed, spoken turn the model brain's line begins with a word or two said the moment the answer ends
    /// ("Okay.", "I see."), so the candidate is not left in silence while the model writes.
    /// </summary>
    public bool Acknowledge { get; set; } = true;
}

/// <summary>Section "AzureOpenAI". Without an API key the app signs in with DefaultAzureCredential (managed identity in Azure).</summary>
public sealed class AzureOpenAIOptions
{
    public const string Section = "AzureOpenAI";

    public Uri? Endpoint { get; set; }

    public string? Deployment { get; set; }

    public string? ApiKey { get; set; }
}

/// <summary>Section "OpenAICompatible": any server speaking the OpenAI Chat Completions API (Ollama, llama.cpp server).</summary>
public sealed class OpenAICompatibleOptions
{
    public const string Section = "OpenAICompatible";

    public Uri? BaseUrl { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }
}

[Microsoft.Extensions.Options.OptionsValidator]
internal sealed partial class InterviewerOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<InterviewerOptions>;
