using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Interview.Personas.Model;

/// <summary>
/// What the fake model reads from an interviewer call, as Interview.Core.Llm.InterviewPrompt writes it: opening or turn,
/// whose interview (the candidate's name), how many utterances came before the latest answer, and that answer.
/// </summary>
internal sealed partial record InterviewPromptView(bool Opening, string Candidate, string Role, int Earlier, string Answer)
{
    public static InterviewPromptView? Read(JsonNode request)
    {
        var user = (request["messages"] as JsonArray)?.LastOrDefault(m => m?["role"]?.GetValue<string>() == "user")?["content"];
        var text = user is JsonArray parts ? string.Concat(parts.Select(p => p?["text"]?.GetValue<string>())) : user?.GetValue<string>();
        if (text is null)
        {
            return null;
        }

        if (text.Contains("TASK: open the interview", StringComparison.Ordinal))
        {
            return new InterviewPromptView(true, Line(NameLine(), text), Line(RoleLine(), text), 0, "");
        }

        var status = CandidateLine().Match(text);
        var older = OlderLine().Match(text);
        var transcript = Between(text, "<transcript>", "</transcript>").Split('\n').Count(l => l.StartsWith('['));
        var answer = Between(text, "<candidate_answer>", "</candidate_answer>").Trim();
        return status.Success && older.Success
            ? new InterviewPromptView(
                false, status.Groups[1].Value, status.Groups[2].Value, int.Parse(older.Groups[1].Value, CultureInfo.InvariantCulture)
                    + transcript, answer)
            : null;
    }

    private static string Line(Regex regex, string text) => regex.Match(text) is { Success: true } m ? m.Groups[1].Value.Trim() : "";

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = from < 0 ? -1 : text.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? "" : text[(from + start.Length)..to];
    }

    [GeneratedRegex(@"^name: (.*)$", RegexOptions.Multiline)]
    private static partial Regex NameLine();

    [GeneratedRegex(@"^role: (.*)$", RegexOptions.Multiline)]
    private static partial Regex RoleLine();

    [GeneratedRegex(@"^- candidate: (.*); role: (.*?)\r?$", RegexOptions.Multiline)]
    private static partial Regex CandidateLine();

    [GeneratedRegex(@"^- earlier conversation: (\d+) older utterances", RegexOptions.Multiline)]
    private static partial Regex OlderLine();
}
