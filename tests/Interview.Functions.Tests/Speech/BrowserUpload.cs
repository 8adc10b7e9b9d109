using System.Net.Http.Headers;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Speech;

/// <summary>Uploads audio exactly as the guide's frontend does: <c>formData.append('audio', blob)</c>.</summary>
internal static class BrowserUpload
{
    /// <summary>A part named "audio" with the filename "blob" and the type application/octet-stream, whatever the bytes are.</summary>
    public static Task<HttpResponseMessage> SpeakBlobAsync(this HttpClient client, string id, byte[] audio)
    {
        var part = new ByteArrayContent(audio);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent { { part, "audio", "blob" } };
        return client.PostTurnAsync(id, form, null);
    }
}
