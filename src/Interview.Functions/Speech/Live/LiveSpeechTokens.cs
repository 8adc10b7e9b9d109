using Interview.Core.Speech;
using Interview.Functions.Speech.Azure;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Speech.Live;

/// <summary>
/// Lets the page recognise the candidate as they speak, with Azure AI Speech. The Speech token service (STS) exchanges
/// what the app holds (its key, or its Entra ID token: <see cref="SpeechAuth"/>) for a token that opens only this Speech
/// resource and expires in ten minutes, so neither the key nor the app's identity reaches the browser.
/// </summary>
public sealed class LiveSpeechTokens(SpeechHttp http, IOptions<AzureSpeechOptions> options)
{
    /// <summary>How long an STS token lives (the service's fixed ten minutes), told to the page so it asks again in time.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>The browser needs a region or a host to connect to; a deployment with neither keeps the buffered path.</summary>
    public bool Available => !string.IsNullOrEmpty(options.Value.Region) || options.Value.RecognitionHost is not null;

    /// <summary>Throws <see cref="SpeechUnavailableException"/> when the token service does not answer within the retry budget.</summary>
    public async Task<LiveSpeechGrant> IssueAsync(SpeechHints hints, CancellationToken ct)
    {
        var o = options.Value;
        var url = new Uri(o.SpeechToTextBase(), "/sts/v1.0/issueToken");
        using var response = await http.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent([]) }, "token", ct);
        var token = (await response.Content.ReadAsStringAsync(ct)).Trim();
        return new LiveSpeechGrant(token, o.Region, o.RecognitionHost, hints.Locale, AzureSpeechToText.PhraseList(hints.Phrases),
            (int)Lifetime.TotalSeconds);
    }
}

/// <summary>What the page's Speech SDK needs: the token, where to connect (region, or host), the locale and phrase list.</summary>
public sealed record LiveSpeechGrant(string Token, string? Region, Uri? Host, string Locale, IReadOnlyList<string> Phrases, int ExpiresIn);
