using System.ComponentModel.DataAnnotations;

namespace Interview.Functions.Speech;

/// <summary>Section "Speech": which engines transcribe and speak, and how long a provider may take.</summary>
public sealed class SpeechOptions
{
    public const string Section = "Speech";
    public const string Offline = "offline";
    public const string Azure = "azure";
    public const string None = "none";

    /// <summary>offline, azure or none. Empty means offline when the Debian engines are installed, else none.</summary>
    [RegularExpression("^(|offline|azure|none)$", ErrorMessage = "Speech:Provider must be offline, azure or none.")]
    public string? Provider { get; set; }

    /// <summary>One request to a speech provider may take this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>All attempts for one transcription or synthesis (timeouts, 429s, 5xx) fit in this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(20);
}

/// <summary>Section "OfflineSpeech": Debian's flite (TTS) and pocketsphinx (STT).</summary>
public sealed class OfflineSpeechOptions
{
    public const string Section = "OfflineSpeech";

    /// <summary>A flite voice: slt (default), kal, awb, rms.</summary>
    [RegularExpression("^[a-z0-9_]{1,20}$")]
    public string Voice { get; set; } = "slt";

    /// <summary>Where pocketsphinx-en-us installs its acoustic model, language model and dictionary.</summary>
    public string ModelDirectory { get; set; } = "/usr/share/pocketsphinx/model/en-us";
}

/// <summary>Section "AzureSpeech": Azure AI Speech over REST. A key, or Entra ID against a custom-domain endpoint.</summary>
public sealed class AzureSpeechOptions
{
    public const string Section = "AzureSpeech";

    /// <summary>Derives both endpoints, e.g. westeurope.</summary>
    public string? Region { get; set; }

    /// <summary>Overrides the speech-to-text base URL, e.g. https://my-speech.cognitiveservices.azure.com.</summary>
    public Uri? SttEndpoint { get; set; }

    /// <summary>Overrides the text-to-speech base URL; /cognitiveservices/v1 is appended.</summary>
    public Uri? TtsEndpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>
    /// Where the browser's Speech SDK connects for live recognition (wss://…), when not the Region's default host: a
    /// sovereign cloud, or a loopback fake in tests. Live recognition needs this or Region.
    /// </summary>
    public Uri? RecognitionHost { get; set; }

    public string Voice { get; set; } = "en-US-AvaMultilingualNeural";

    public string Locale { get; set; } = "en-US";

    public string OutputFormat { get; set; } = "audio-24khz-48kbitrate-mono-mp3";

    /// <summary>None, Removed, Tags or Masked.</summary>
    [RegularExpression("^(None|Removed|Tags|Masked)$")]
    public string ProfanityFilter { get; set; } = "Masked";

    public Uri SpeechToTextBase() => SttEndpoint ?? new Uri($"https://{Region}.api.cognitive.microsoft.com");

    /// <summary>
    /// With a trailing slash, so that "cognitiveservices/v1" is appended to a custom domain's "/tts/" path, not swapped for it.
    /// </summary>
    public Uri TextToSpeechBase()
    {
        var url = (TtsEndpoint ?? new Uri($"https://{Region}.tts.speech.microsoft.com")).ToString();
        return new Uri(url.EndsWith('/') ? url : url + "/");
    }
}

[Microsoft.Extensions.Options.OptionsValidator]
internal sealed partial class SpeechOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<SpeechOptions>;

[Microsoft.Extensions.Options.OptionsValidator]
internal sealed partial class OfflineSpeechOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<OfflineSpeechOptions>;

[Microsoft.Extensions.Options.OptionsValidator]
internal sealed partial class AzureSpeechOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<AzureSpeechOptions>;
