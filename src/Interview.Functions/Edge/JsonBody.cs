using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Interview.Functions.Edge;

/// <summary>
/// Reads a JSON request body the one way every endpoint does: at most <c>maxBytes</c> (413 <c>body_too_large</c>),
/// <c>application/json</c> (415 <c>not_json</c>), snake_case, not too deep, and a 400 <c>malformed_body</c> saying what
/// shape was expected. An empty body is <c>(default, null)</c> when <c>optional</c>, else malformed.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, string shape, bool optional, CancellationToken ct, int maxDepth = 8)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (default, Problems.Create(ErrorCodes.BodyTooLarge, $"The body is limited to {maxBytes} bytes."));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0 && optional)
        {
            return (default, null);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (default, Problems.Create(ErrorCodes.NotJson, "The body must be application/json."));
        }

        try
        {
            var json = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var value = JsonSerializer.Deserialize<T>(buffer.ToArray(), new JsonSerializerOptions(json) { MaxDepth = maxDepth });
            return value is null ? (default, Malformed(shape)) : (value, null);
        }
        catch (JsonException)
        {
            return (default, Malformed(shape));
        }
    }

    private static IResult Malformed(string shape) => Problems.Create(ErrorCodes.MalformedBody, $"The body is not valid JSON of the form {shape}.");
}
