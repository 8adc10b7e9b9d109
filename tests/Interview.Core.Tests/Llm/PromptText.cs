namespace Interview.Core.Tests.Llm;

/// <summary>Reading a built prompt back: how often a tag occurs, and what sits between two markers.</summary>
internal static class PromptText
{
    public static int Count(string text, string value) => text.Split(value).Length - 1;

    public static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    public static string FencedAnswer(string user) => Between(user, "<candidate_answer>\n", "\n</candidate_answer>");

    public static string Transcript(string user) => Between(user, "<transcript>\n", "</transcript>");
}
