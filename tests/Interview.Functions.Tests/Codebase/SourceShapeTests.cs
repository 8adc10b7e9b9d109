using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Codebase;

/// <summary>
/// Code a newcomer can read: no line over .editorconfig's max_line_length (140) in code files, and no C# or JavaScript
/// file over 200 lines (split along a real seam, not into partial classes). Vendored bundles and build output are not ours.
/// </summary>
public sealed class SourceShapeTests
{
    public const int MaxLineLength = 140;
    public const int MaxFileLines = 200;

    private static readonly string Root = AzuriteFixture.RepoRoot();

    [Fact]
    public void No_line_of_code_is_longer_than_the_editorconfig_allows()
    {
        Assert.Contains($"max_line_length = {MaxLineLength}", File.ReadAllText(Path.Combine(Root, ".editorconfig")),
            StringComparison.Ordinal);
        var long_ = Code(".cs", ".js", ".mjs", ".sh", ".bicep")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, Line: i + 1, line.Length)))
            .Where(l => l.Length > MaxLineLength)
            .Select(l => $"{Relative(l.f)}:{l.Line} ({l.Length})")
            .ToList();

        Assert.True(long_.Count == 0, $"{long_.Count} lines over {MaxLineLength} characters:\n{string.Join('\n', long_.Take(50))}");
    }

    [Fact]
    public void No_code_file_is_longer_than_200_lines()
    {
        var large = Code(".cs", ".js", ".mjs")
            .Select(f => (f, Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxFileLines)
            .Select(f => $"{Relative(f.f)} ({f.Lines})")
            .ToList();

        Assert.True(large.Count == 0, $"Files over {MaxFileLines} lines:\n{string.Join('\n', large)}");
    }

    [Fact]
    public void The_checks_see_the_code()
    {
        // A filter that excluded everything would pass both checks: the app's own entry points must be among the files read.
        var files = Code(".cs", ".js").Select(Relative).ToList();

        Assert.Contains("src/Interview.Functions/Program.cs", files);
        Assert.Contains("src/Interview.Pages/app.js", files);
        Assert.DoesNotContain(files, f => f.Contains("/vendor/", StringComparison.Ordinal)
            || f.Contains("/obj/", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Code(params string[] extensions) =>
        new[] { "src", "tests", "tools", "infra", "scripts" }
            .Select(d => Path.Combine(Root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => extensions.Contains(Path.GetExtension(f)) || (extensions.Contains(".sh") && IsScript(f)))
            .Where(f => !Relative(f).Split('/').Any(part => part is "bin" or "obj" or "node_modules" or "vendor"));

    /// <summary>scripts/ holds bash scripts without an extension.</summary>
    private static bool IsScript(string file) =>
        Path.GetExtension(file).Length == 0 && Relative(file).StartsWith("scripts/", StringComparison.Ordinal);

    private static string Relative(string file) => Path.GetRelativePath(Root, file).Replace('\\', '/');
}
