using System.Security;
using System.Text;
using Interview.Core.Speech;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Speech.Azure;

/// <summary>Azure AI Speech text to speech: SSML in, audio in the configured output format out.</summary>
public sealed class AzureTextToSpeech(SpeechHttp http, IOptions<AzureSpeechOptions> options) : ITextToSpeech
{
    public async Task<AudioClip> SynthesizeAsync(string text, SpeechHints hints, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var url = new Uri(o.TextToSpeechBase(), "cognitiveservices/v1");
        var ssml = Ssml(text, hints.Voice ?? o.Voice, hints.Locale ?? o.Locale);
        using var response = await http.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post,
                url) { Content = new StringContent(ssml, Encoding.UTF8, "application/ssml+xml") };
            request.Headers.Add("X-Microsoft-OutputFormat", o.OutputFormat);
            return request;
        }, "synthesis", cancellationToken);

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var format = AudioSniffer.Detect(bytes);
        var type = format != AudioFormat.Unknown ? AudioSniffer.MediaType(format) : response.Content.Headers.ContentType?.MediaType
            ?? "audio/mpeg";
        return new AudioClip(bytes, type);
    }

    public string Fingerprint(SpeechHints hints)
    {
        var o = options.Value;
        return $"azure|{hints.Voice ?? o.Voice}|{hints.Locale ?? o.Locale}|{o.OutputFormat}";
    }

    /// <summary>Everything interpolated is XML-escaped: interviewer text can contain &amp;, &lt; or quotes.</summary>
    internal static string Ssml(string text, string voice, string locale) =>
        $"<speak version='1.0' xmlns='http://www.w3.org/2001/10/synthesis' xml:lang='{SecurityElement.Escape(locale)}'>" +
        $"<voice name='{SecurityElement.Escape(voice)}'>{SecurityElement.Escape(text)}</voice></speak>";
}
