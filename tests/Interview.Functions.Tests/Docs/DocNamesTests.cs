using System.Text.RegularExpressions;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Docs;

/// <summary>
/// The docs name source files (`Llm/ReplySchema.cs`, `live-speech.js`) so a reader can go straight to the code: every such
/// name in README.md and docs/*.md is the end of a path in the repository, so a file moved or renamed without its
/// docs fails here. Files the build or `scripts/run` writes (local.settings.json, config.json) are not source and not
/// checked: only code files (.cs, .js, .mjs, .bicep, .sh) are.
/// </summary>
public sealed partial class DocNamesTests
{
    private static readonly string Root = AzuriteFixture.RepoRoot();

    [Theory]
    [MemberData(nameof(DocLinksTests.Documents), MemberType = typeof(DocLinksTests))]
    public void Every_source_file_a_document_names_exists(string document)
    {
        var files = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => "/" + Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/node_modules/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)
                && !f.Contains("/obj/", StringComparison.Ordinal))
            .ToList();
        var text = File.ReadAllText(Path.Combine(Root, document));

        var missing = SourceName().Matches(text).Select(m => m.Groups[1].Value).Distinct()
            .Where(name => !files.Exists(f => f.EndsWith("/" + name.TrimStart('/'), StringComparison.Ordinal)))
            .ToList();

        Assert.True(missing.Count == 0, $"{document} names files that do not exist: {string.Join(", ", missing)}");
    }

    [GeneratedRegex(@"`([A-Za-z0-9_./-]+\.(?:cs|js|mjs|bicep|sh))`")]
    private static partial Regex SourceName();
}
