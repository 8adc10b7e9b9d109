using System.Text.RegularExpressions;

namespace Interview.Functions.Tests.Docs;

/// <summary>
/// A .http file read the way the VS Code REST Client reads it: <c>@name = value</c> file variables, requests separated by
/// <c>###</c>, each with comment lines (<c># @name</c>, and this repo's <c># @expect</c> and <c># @poll</c>), a request
/// line, headers, a blank line and a body.
/// </summary>
internal sealed partial record HttpCollection(IReadOnlyDictionary<string, string> Variables, IReadOnlyList<HttpCollection.Request> Requests)
{
    /// <summary>One request as written, variables not yet substituted.</summary>
    /// <param name="Expect">The declared status per mode ("open", "token"), or under "" when it is the same in every mode.</param>
    /// <param name="PollWhile">While the answer has this status, the request is sent again.</param>
    public sealed record Request(
        string Title, string? Name, string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body,
        IReadOnlyDictionary<string, int> Expect, int? PollWhile)
    {
        public int ExpectedIn(string mode) => Expect.TryGetValue(mode, out var status) || Expect.TryGetValue("", out status)
            ? status
            : throw new InvalidOperationException($"'{Title}' declares no # @expect for {mode} mode.");
    }

    public static HttpCollection Parse(string text)
    {
        var variables = new Dictionary<string, string>();
        var requests = new List<Request>();
        var blocks = Separator().Split(text.ReplaceLineEndings("\n"));
        foreach (var (block, index) in blocks.Select((b, i) => (b, i)))
        {
            var lines = block.Split('\n');
            // Text after ### on the separator line is the title; the part before the first ### has none.
            var title = index == 0 ? "" : lines[0].Trim();
            if (ParseRequest(title, index == 0 ? lines : lines[1..], variables) is { } request)
            {
                requests.Add(request);
            }
        }

        return new HttpCollection(variables, requests);
    }

    private static Request? ParseRequest(string title, string[] lines, Dictionary<string, string> variables)
    {
        string? name = null;
        int? poll = null;
        var expect = new Dictionary<string, int>();
        var at = 0;
        for (; at < lines.Length && RequestLine().Match(lines[at]) is { Success: false }; at++)
        {
            var line = lines[at].Trim();
            if (Variable().Match(line) is { Success: true } variable)
            {
                variables[variable.Groups[1].Value] = variable.Groups[2].Value.Trim();
            }
            else if (Directive().Match(line) is { Success: true } directive)
            {
                var value = directive.Groups[2].Value.Trim();
                switch (directive.Groups[1].Value)
                {
                    case "name": name = value; break;
                    case "poll": poll = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                    case "expect": ParseExpect(value, expect); break;
                }
            }
        }

        if (at == lines.Length)
        {
            return null;
        }

        var requestLine = RequestLine().Match(lines[at]);
        var headers = new List<KeyValuePair<string, string>>();
        for (at++; at < lines.Length && lines[at].Trim().Length > 0; at++)
        {
            var colon = lines[at].IndexOf(':', StringComparison.Ordinal);
            headers.Add(KeyValuePair.Create(lines[at][..colon].Trim(), lines[at][(colon + 1)..].Trim()));
        }

        var body = string.Join('\n', lines.Skip(at + 1)).TrimEnd('\n', ' ');
        return new Request(title, name, requestLine.Groups[1].Value, requestLine.Groups[2].Value, headers, body, expect, poll);
    }

    /// <summary>"200", or "open 409, token 200".</summary>
    private static void ParseExpect(string value, Dictionary<string, int> expect)
    {
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            expect[words.Length == 2 ? words[0] : ""] = int.Parse(words[^1], System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [GeneratedRegex(@"(?m)^###")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S+)(\s+HTTP/\S+)?\s*$")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"^@([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^(?:#|//)\s*@(\w+)\s*(.*)$")]
    private static partial Regex Directive();
}
