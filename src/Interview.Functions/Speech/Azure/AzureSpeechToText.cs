using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Interview.Core.Speech;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Speech.Azure;

/// <summary>
/// Azure AI Speech fast transcription: one multipart POST with the recording ("audio") and a JSON "definition"
/// (locales, profanity filter, and a phrase list from the interview plan so technical terms are recognised).
/// </summary>
public sealed class AzureSpeechToText(SpeechHttp http, IOptions<AzureSpeechOptions> options) : ISpeechToText
{
    public const string ApiVersion = "2024-11-15";

    public IReadOnlySet<AudioFormat> AcceptedFormats { get; } = new HashSet<AudioFormat>
    {
        AudioFormat.Wav, AudioFormat.Ogg, AudioFormat.WebM, AudioFormat.Mp3, AudioFormat.Mp4, AudioFormat.Flac,
    };

    public async Task<Transcript> TranscribeAsync(AudioClip audio, SpeechHints hints, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var url = new Uri(o.SpeechToTextBase(), $"/speechtotext/transcriptions:transcribe?api-version={ApiVersion}");
        var definition = Definition(hints.Locale ?? o.Locale, o.ProfanityFilter, hints.Phrases);

        using var response = await http.SendAsync(() =>
        {
            var audioPart = new ReadOnlyMemoryContent(audio.Bytes);
            audioPart.Headers.ContentType = new MediaTypeHeaderValue(audio.ContentType);
            return new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new MultipartFormDataContent
                {
                    { audioPart, "audio", $"answer{Extension(audio.Format)}" },
                    { new StringContent(definition, System.Text.Encoding.UTF8, "application/json"), "definition" },
                },
            };
        }, "transcription", cancellationToken);

        return Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    internal static string Definition(string locale, string profanityFilter, IReadOnlyList<string> phrases)
    {
        var definition = new JsonObject
        {
            ["locales"] = new JsonArray(locale),
            ["profanityFilterMode"] = profanityFilter,
        };
        var distinct = PhraseList(phrases);
        if (distinct.Length > 0)
        {
            definition["phraseList"] = new JsonObject { ["phrases"] = new JsonArray(distinct.Select(p => (JsonNode)p).ToArray()) };
        }

        return definition.ToJsonString();
    }

    /// <summary>The phrase list Azure AI Speech takes: distinct, non-blank, at most 500 (the service's limit).</summary>
    internal static string[] PhraseList(IReadOnlyList<string> phrases) =>
        phrases.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.OrdinalIgnoreCase).Take(500).ToArray();

    /// <summary>combinedPhrases holds the text; confidence is averaged over phrases, weighted by their duration.</summary>
    internal static Transcript Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var text = root.TryGetProperty("combinedPhrases", out var combined)
            ? string.Join(' ', combined.EnumerateArray().Select(c => c.GetProperty("text").GetString()))
            : "";
        double weighted = 0, total = 0;
        if (root.TryGetProperty("phrases", out var phrases))
        {
            foreach (var phrase in phrases.EnumerateArray())
            {
                if (phrase.TryGetProperty("confidence", out var c) && c.TryGetDouble(out var confidence))
                {
                    var weight = phrase.TryGetProperty("durationMilliseconds", out var d) && d.TryGetDouble(out var ms) && ms > 0 ? ms : 1;
                    (weighted, total) = (weighted + (confidence * weight), total + weight);
                }
            }
        }

        var duration = root.TryGetProperty("durationMilliseconds", out var dm) && dm.TryGetDouble(out var millis)
            ? TimeSpan.FromMilliseconds(millis) : (TimeSpan?)null;
        return new Transcript(text.Trim(), total > 0 ? Math.Round(weighted / total, 3) : null, duration);
    }

    private static string Extension(AudioFormat format) => format switch
    {
        AudioFormat.Mp4 => ".m4a",
        AudioFormat.Mp3 => ".mp3",
        _ => "." + format.ToString().ToLowerInvariant(),
    };
}
