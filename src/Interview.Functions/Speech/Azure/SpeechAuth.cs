using Azure.Core;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Speech.Azure;

/// <summary>
/// A resource key (Ocp-Apim-Subscription-Key) when one is configured; otherwise an Entra ID token for the
/// Cognitive Services scope, which needs a custom-domain endpoint. Tokens are reused until shortly before expiry.
/// </summary>
public sealed class SpeechAuth(IOptions<AzureSpeechOptions> options, TokenCredential credential, TimeProvider clock)
{
    private static readonly TokenRequestContext Scope = new(["https://cognitiveservices.azure.com/.default"]);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private AccessToken _token;

    public async Task ApplyAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(options.Value.ApiKey))
        {
            request.Headers.Add("Ocp-Apim-Subscription-Key", options.Value.ApiKey);
            return;
        }

        request.Headers.Authorization = new("Bearer", await TokenAsync(ct));
    }

    private async Task<string> TokenAsync(CancellationToken ct)
    {
        if (_token.ExpiresOn - clock.GetUtcNow() > TimeSpan.FromMinutes(5))
        {
            return _token.Token;
        }

        await _refresh.WaitAsync(ct);
        try
        {
            if (_token.ExpiresOn - clock.GetUtcNow() <= TimeSpan.FromMinutes(5))
            {
                _token = await credential.GetTokenAsync(Scope, ct);
            }

            return _token.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }
}
