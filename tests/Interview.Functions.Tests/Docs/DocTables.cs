using System.Text.RegularExpressions;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Docs;

/// <summary>The documentation's tables, read the way a person reads them: rows of a table under a given heading.</summary>
internal static partial class DocTables
{
    /// <summary>A file's text by its path from the repository root, e.g. "docs/api.md".</summary>
    public static string Text(string file) => File.ReadAllText(Path.Combine(AzuriteFixture.RepoRoot(), file));

    /// <summary>
    /// The body rows (cells trimmed) of the first table in <paramref name="file"/> whose header starts with the two columns.
    /// </summary>
    public static IReadOnlyList<string[]> Rows(string file, string firstColumn, string secondColumn)
    {
        var lines = Text(file).Split('\n');
        var header = Array.FindIndex(lines, l => Cells(l) is [var a, var b, ..] && a == firstColumn && b == secondColumn);
        Assert.True(header >= 0, $"{file} has no table headed '| {firstColumn} | {secondColumn} |'");
        return lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(Cells).ToList();
    }

    /// <summary>Every `backticked` name in a cell.</summary>
    public static IEnumerable<string> Names(string cell) => Backticked().Matches(cell).Select(m => m.Groups[1].Value);

    private static string[] Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();
}
