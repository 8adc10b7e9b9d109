using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Interview.Functions.Http;

/// <summary>
/// Reads a JSON request body the one way every endpoint does: at most <c>maxBytes</c> (413 <c>body_too_large</c>),
/// <c>application/json</c> (415 <c>not_json</c>), snake_case, not too deep, and a 400 <c>malformed_body</c> saying what
/// shape was expected and where the body went wrong. An empty body is <c>(default, null)</c> when <c>optional</c>, else
/// malformed. <c>options</c> replaces the API's JSON options for a body with a shape of its own (a plan).
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(
        HttpRequest request, int maxBytes, string shape, bool optional, CancellationToken ct, int maxDepth = 8,
            JsonSerializerOptions? options = null)
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

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (default, Problems.Create(ErrorCodes.NotJson, "The body must be application/json."));
        }

        try
        {
            var json = options ?? request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var value = JsonSerializer.Deserialize<T>(buffer.ToArray(), new JsonSerializerOptions(json) { MaxDepth = maxDepth });
            return value is null ? (default, Malformed(shape, null)) : (value, null);
        }
        catch (JsonException ex)
        {
            return (default, Malformed(shape, ex.Path));
        }
    }

    // The path ("$.phases[0].max_questions") says where; the exception's message would name internal types.
    private static IResult Malformed(string shape, string? path) => Problems.Create(ErrorCodes.MalformedBody,
        $"The body is not valid JSON of the form {shape}{(path is { Length: > 1 } ? $" (at {path})" : "")}.");
}
