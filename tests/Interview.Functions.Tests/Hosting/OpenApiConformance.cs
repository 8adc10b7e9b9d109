using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Interview.Functions.Tests.Hosting;

/// <summary>
/// Checks every response that passes through it against what the served OpenAPI document declares for that operation
/// and status: the status is documented, and a JSON body validates against the declared schema (JSON Schema 2020-12,
/// the dialect of OpenAPI 3.1, with $refs resolved inside the document).
/// </summary>
internal sealed class OpenApiConformance : DelegatingHandler
{
    private static readonly Uri DocumentUri = new("https://interview.test/openapi/v1.json");
    private readonly JsonNode _document;
    private readonly BuildOptions _build = new() { SchemaRegistry = new SchemaRegistry() };
    private readonly List<(string Method, string Template, string Status)> _checked = [];

    public OpenApiConformance(JsonNode document)
    {
        _document = document;
        _build.SchemaRegistry.Register(new JsonElementBaseDocument(JsonSerializer.SerializeToElement(document), DocumentUri));
    }

    public List<string> Failures { get; } = [];

    /// <summary>"METHOD /template STATUS" of every response checked, for the test to show its coverage.</summary>
    public IReadOnlyCollection<string> Checked => [.. _checked.Select(c => $"{c.Method} {c.Template} {c.Status}").Distinct()];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var method = request.Method.Method.ToLowerInvariant();
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var template = Template(request.RequestUri!.AbsolutePath);
        var declared = template is null ? null : _document["paths"]![template]![method]?["responses"]?[status];
        if (declared is null)
        {
            Failures.Add($"{method} {request.RequestUri.AbsolutePath} answered {status}, which the document does not declare");
            return response;
        }

        _checked.Add((method.ToUpperInvariant(), template!, status));
        var content = declared["content"]?.AsObject().FirstOrDefault();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (content is not { Value: { } media } || mediaType is null || !mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            return response;
        }

        if (content.Value.Key != mediaType)
        {
            Failures.Add($"{method} {template} {status}: {mediaType}, documented {content.Value.Key}");
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var schema = JsonSchema.FromText(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$ref"] = $"{DocumentUri}#{Pointer(media["schema"]!)}",
        }), _build);
        var result = schema.Evaluate(JsonDocument.Parse(body).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            var errors = (result.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
            Failures.Add($"{method} {template} {status} does not match its schema: {string.Join("; ", errors.Take(5))} in " +
                $"{body[..Math.Min(body.Length, 400)]}");
        }

        return response;
    }

    /// <summary>The document's path template a concrete path belongs to.</summary>
    private string? Template(string path) =>
        _document["paths"]!.AsObject().Select(p => p.Key)
            .FirstOrDefault(t => Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(t), @"\\\{[a-z_]+}", "[^/]+") + "$"));

    /// <summary>A JSON pointer to the schema inside the document (a $ref is followed to its component).</summary>
    private static string Pointer(JsonNode schema)
    {
        if (schema["$ref"] is { } reference)
        {
            return ((string)reference!)[1..];
        }

        throw new InvalidOperationException("Inline response schemas are not used by this document; check them here when they are.");
    }
}
