using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Codebase;

/// <summary>
/// Dependencies between folders point one way: Domain at the bottom, features above it, hosting at the top
/// (docs/architecture.md, "Repository layout"). The graph is read from the code (<see cref="FolderGraph"/>).
/// </summary>
public sealed class FolderCycleTests
{
    private static readonly string Root = AzuriteFixture.RepoRoot();

    [Theory]
    [InlineData("src/Interview.Core")]
    [InlineData("src/Interview.Local")]
    [InlineData("src/Interview.Functions")]
    public void A_project_has_no_folder_cycle(string project)
    {
        var graph = FolderGraph.Of(Path.Combine(Root, project));

        Assert.True(graph.Count > 1, $"{project}: no folders were read");
        var cycles = FolderGraph.Cycles(graph);
        Assert.True(cycles.Count == 0, $"{project} has folders that depend on each other: " +
            string.Join("; ", cycles.Select(c => string.Join(" <-> ", c))));
    }

    [Fact]
    public void A_cycle_is_found_and_a_chain_is_not()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["Domain"] = [], ["Speech"] = ["Domain", "Sessions"], ["Sessions"] = ["Agent"], ["Agent"] = ["Speech", "Domain"],
            ["Hosting"] = ["Sessions"],
        };

        Assert.Equal([["Agent", "Sessions", "Speech"]], FolderGraph.Cycles(graph));
        graph["Agent"].Remove("Speech");
        Assert.Empty(FolderGraph.Cycles(graph));
    }

    [Fact]
    public void The_graph_counts_types_and_extension_methods_not_members()
    {
        var project = Directory.CreateTempSubdirectory("folder-graph-").FullName;
        try
        {
            Write(project, "Startup/Setup.cs",
                "public static class Setup\n{\n    public static T Checked<T>(this T options) => options;\n}\n");
            Write(project, "Storage/Store.cs", "public sealed class Store\n{\n    private sealed record Detail(string Text);\n}\n");
            Write(project, "Edge/Pipeline.cs", "public sealed class Pipeline\n{\n    // Store is only named in a comment\n" +
                "    public object Options(object o) => o.Checked();\n    public string Detail => Limits.Store;\n" +
                "    public string Label => \"Store\";\n}\n");

            var graph = FolderGraph.Of(project);

            Assert.Equal(["Startup"], graph["Edge"]); // the extension call; not Storage: a member named Store, a string, a private Detail
            Assert.Empty(graph["Storage"]);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    private static void Write(string project, string file, string code)
    {
        var path = Path.Combine(project, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, code);
    }
}
