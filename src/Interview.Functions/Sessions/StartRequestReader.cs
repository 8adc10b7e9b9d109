using System.Text.Json;
using Interview.Core.Agent;
using Interview.Functions.Edge;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Interview.Functions.Sessions;

/// <summary>The optional JSON body of a start: no body at all is the common case and means plan defaults.</summary>
internal static class StartRequestReader
{
    private const int MaxBodyBytes = 16 * 1024;
    private const int MaxFieldChars = 100;

    public static async Task<(StartOptions? Options, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return Fail(ErrorCodes.BodyTooLarge, $"The start body is limited to {MaxBodyBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (new StartOptions(), null);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(ErrorCodes.NotJson, "The start body, when present, must be application/json.");
        }

        StartSessionRequest? body;
        try
        {
            var json = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            body = JsonSerializer.Deserialize<StartSessionRequest>(buffer.ToArray(), new JsonSerializerOptions(json) { MaxDepth = 4 });
        }
        catch (JsonException)
        {
            return Fail(ErrorCodes.MalformedBody, "The start body is not valid JSON of the form {candidate_name, role, plan_id}.");
        }

        var invalid = new[] { ("candidate_name", body?.CandidateName), ("role", body?.Role), ("plan_id", body?.PlanId) }
            .FirstOrDefault(f => f.Item2 is { } v && (v.Length > MaxFieldChars || string.IsNullOrWhiteSpace(v) || v.Any(char.IsControl)));
        if (invalid.Item1 is not null)
        {
            return Fail(ErrorCodes.InvalidField, $"'{invalid.Item1}' must be 1 to {MaxFieldChars} printable characters.");
        }

        return (new StartOptions(body?.CandidateName?.Trim(), body?.Role?.Trim(), body?.PlanId), null);
    }

    private static (StartOptions?, IResult?) Fail(ErrorCode code, string detail) => (null, Problems.Create(code, detail));
}
