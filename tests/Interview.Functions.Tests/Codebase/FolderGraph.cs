using System.Text.RegularExpressions;

namespace Interview.Functions.Tests.Codebase;

/// <summary>
/// Which folders of a project use which, read from the code: a file uses a folder when it names a type declared there
/// (and only there). Folders are a project's first path segment; files at its root form "(root)". Comments do not count.
/// </summary>
public static partial class FolderGraph
{
    public static Dictionary<string, HashSet<string>> Of(string projectDirectory)
    {
        var files = Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(projectDirectory, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Select(f => (Folder: f.Contains('/', StringComparison.Ordinal) ? f[..f.IndexOf('/', StringComparison.Ordinal)] : "(root)",
                Code: Comment().Replace(File.ReadAllText(Path.Combine(projectDirectory, f)), "")))
            .ToList();
        var owners = files
            .SelectMany(f => Declaration().Matches(f.Code).Select(m => (Type: m.Groups[1].Value, f.Folder)))
            .Distinct()
            .GroupBy(d => d.Type)
            .Where(g => g.Count() == 1) // a name declared in two folders says nothing about which one is meant
            .ToDictionary(g => g.Key, g => g.Single().Folder);

        var graph = files.Select(f => f.Folder).Distinct().ToDictionary(f => f, _ => new HashSet<string>());
        foreach (var (folder, code) in files)
        {
            foreach (var name in Name().Matches(code).Select(m => m.Value).Distinct())
            {
                if (owners.TryGetValue(name, out var owner) && owner != folder)
                {
                    graph[folder].Add(owner);
                }
            }
        }

        return graph;
    }

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

    [GeneratedRegex(@"\b(?:class|record|interface|enum|struct)\s+([A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Name();
}
