using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Docs;

/// <summary>
/// Sends a <see cref="HttpCollection"/>'s requests in order, as the REST Client does: <c>{{variable}}</c> from the file (or an
/// override), <c>{{name.response.body.$.path}}</c> and <c>{{name.response.headers.Header}}</c> from an earlier named
/// request; a reference that does not resolve is sent as written, as the extension sends it. Each answer must have the
/// status its request declares.
/// </summary>
internal sealed partial class HttpCollectionRun(HttpClient client, IReadOnlyDictionary<string, string> variables)
{
    private static readonly TimeSpan PollLimit = TimeSpan.FromSeconds(60);
    private readonly Dictionary<string, (HttpResponseMessage Response, string Body)> _named = [];

    public async Task RunAsync(IEnumerable<HttpCollection.Request> requests, string mode)
    {
        foreach (var request in requests)
        {
            var expected = request.ExpectedIn(mode);
            var (response, body) = await Poll.UntilAsync(() => SendAsync(request), r => (int)r.Item1.StatusCode != request.PollWhile,
                PollLimit, r => $"'{request.Title}' to stop answering {request.PollWhile} (last: {r.Item2})");

            Assert.True((int)response.StatusCode == expected,
                $"'{request.Title}' ({mode} mode) answered {(int)response.StatusCode}, not the {expected} it declares: {body}");
            if (request.Name is { } name)
            {
                _named[name] = (response, body);
            }
        }
    }

    private async Task<(HttpResponseMessage, string)> SendAsync(HttpCollection.Request request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), Substitute(request.Url));
        string? contentType = null;
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = Substitute(value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, Substitute(value));
            }
        }

        if (request.Body.Length > 0)
        {
            // Multipart needs CRLF between its lines, whatever line ends the file has; the extension sends it so too.
            var body = Substitute(request.Body);
            var multipart = contentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(multipart
                ? body.Replace("\n", "\r\n", StringComparison.Ordinal) : body));
            message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        var response = await client.SendAsync(message);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private string Substitute(string text) => Reference().Replace(text, m => Resolve(m.Groups[1].Value.Trim()) ?? m.Value);

    private string? Resolve(string reference)
    {
        if (variables.TryGetValue(reference, out var value))
        {
            return Substitute(value);
        }

        var parts = reference.Split('.', 4);
        if (parts is not [var name, "response", var part, var path] || (part != "body" && part != "headers"))
        {
            throw new InvalidOperationException($"{{{{{reference}}}}} is neither a file variable nor a response reference.");
        }

        if (!_named.TryGetValue(name, out var earlier))
        {
            return null;
        }

        return part == "headers"
            ? earlier.Response.Headers.TryGetValues(path, out var values) || earlier.Response.Content.Headers.TryGetValues(path, out values)
                ? values.First()
                : null
            : Select(earlier.Body, path);
    }

    /// <summary>The JSONPath subset the collection uses: <c>$.a.b</c> and <c>$.a[0]</c>; null leaves the reference unresolved.</summary>
    private static string? Select(string body, string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        foreach (Match step in PathStep().Matches(path))
        {
            node = step.Groups[1].Success ? (node as JsonObject)?[step.Groups[1].Value]
                : (node as JsonArray) is { } array && int.Parse(step.Groups[2].Value, CultureInfo.InvariantCulture) < array.Count
                    ? array[int.Parse(step.Groups[2].Value, CultureInfo.InvariantCulture)]
                    : null;
        }

        return node switch
        {
            null => null,
            JsonValue leaf when leaf.TryGetValue<string>(out var text) => text,
            _ => node.ToJsonString(),
        };
    }

    [GeneratedRegex(@"\{\{([^{}]+)\}\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\.([A-Za-z_][\w-]*)|\[(\d+)\]")]
    private static partial Regex PathStep();
}
