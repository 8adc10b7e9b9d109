using System.Text.RegularExpressions;

namespace Interview.Functions.Tests.Codebase;

/// <summary>
/// Which folders of a project use which, read from the code: a file uses a folder when it names a type declared there (and
/// only there), or calls an extension method declared there. A type counts when it is declared at the top of its file and not
/// private; a name after a dot is a member, not a type. Folders are a project's first path segment; files at its root form
/// "(root)". Comments and plain strings do not count.
/// </summary>
public static partial class FolderGraph
{
    public static Dictionary<string, HashSet<string>> Of(string projectDirectory)
    {
        var files = Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(projectDirectory, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Select(f => (Folder: f.Contains('/', StringComparison.Ordinal) ? f[..f.IndexOf('/', StringComparison.Ordinal)] : "(root)",
                Code: Text().Replace(Comment().Replace(File.ReadAllText(Path.Combine(projectDirectory, f)), ""), "\"\"")))
            .ToList();
        var types = Owners(files.SelectMany(f => Declaration().Matches(f.Code)
            .Where(m => !m.Groups["modifiers"].Value.Contains("private", StringComparison.Ordinal))
            .Select(m => (m.Groups["name"].Value, f.Folder))));
        var extensions = Owners(files.SelectMany(f => Extension().Matches(f.Code).Select(m => (m.Groups["name"].Value, f.Folder))));

        var graph = files.Select(f => f.Folder).Distinct().ToDictionary(f => f, _ => new HashSet<string>());
        foreach (var (folder, code) in files)
        {
            var uses = Name().Matches(code).Select(m => types.GetValueOrDefault(m.Value))
                .Concat(Call().Matches(code).Select(m => extensions.GetValueOrDefault(m.Groups["name"].Value)));
            graph[folder].UnionWith(uses.OfType<string>().Where(owner => owner != folder));
        }

        return graph;
    }

    // A name declared in two folders says nothing about which one is meant.
    private static Dictionary<string, string> Owners(IEnumerable<(string Name, string Folder)> declarations) => declarations
        .Distinct()
        .GroupBy(d => d.Name)
        .Where(g => g.Count() == 1)
        .ToDictionary(g => g.Key, g => g.Single().Folder);

    /// <summary>Every set of two or more folders that reach each other (Tarjan's strongly connected components).</summary>
    public static List<List<string>> Cycles(IReadOnlyDictionary<string, HashSet<string>> graph)
    {
        var (index, low, stack, onStack, cycles) = (new Dictionary<string, int>(), new Dictionary<string, int>(), new Stack<string>(),
            new HashSet<string>(), new List<List<string>>());

        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                if (component.Count > 1)
                {
                    cycles.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        foreach (var v in graph.Keys.Order(StringComparer.Ordinal).Where(v => !index.ContainsKey(v)))
        {
            Visit(v);
        }

        return cycles;
    }

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex Comment();

    // A plain string's words are not names ("Retention" the setting section is not Retention the class); an interpolated
    // string's holes are code, so those stay.
    [GeneratedRegex(@"(?<![$@\\])""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex Text();

    // At the start of a line: the top of a file-scoped namespace (nested types are indented).
    [GeneratedRegex(@"^(?<modifiers>(?:[a-z]+ )*)(?:class|record|interface|enum|struct) (?<name>[A-Z]\w*)", RegexOptions.Multiline)]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\bstatic [^;{()=]*? (?<name>\w+)(?:<[^>()]*>)?\(this ")]
    private static partial Regex Extension();

    [GeneratedRegex(@"(?<![.\w])[A-Z]\w*\b")]
    private static partial Regex Name();

    [GeneratedRegex(@"\.(?<name>[A-Z]\w*)(?:<[^>()]*>)?\(")]
    private static partial Regex Call();
}
