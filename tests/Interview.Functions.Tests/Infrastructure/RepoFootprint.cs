namespace Interview.Functions.Tests.Infrastructure;

/// <summary>
/// The size of every file under the repository except build outputs (bin, obj, node_modules, artifacts, TestResults) and
/// .git: what a run leaves in the tree, local data and logs included, is the difference between two of these.
/// </summary>
public sealed class RepoFootprint
{
    private static readonly HashSet<string> Skipped = ["bin", "obj", "node_modules", "artifacts", "TestResults", ".git"];
    private readonly Dictionary<string, long> _sizes;

    private RepoFootprint(Dictionary<string, long> sizes) => _sizes = sizes;

    public static RepoFootprint Take()
    {
        var sizes = new Dictionary<string, long>();
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(AzuriteFixture.RepoRoot())]);
        while (pending.TryPop(out var dir))
        {
            foreach (var entry in dir.EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo sub && !Skipped.Contains(sub.Name) && !sub.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    pending.Push(sub);
                }
                else if (entry is FileInfo file)
                {
                    sizes[file.FullName] = file.Length;
                }
            }
        }

        return new RepoFootprint(sizes);
    }

    /// <summary>Files that are new or larger than in <paramref name="before"/>, with how many bytes each grew.</summary>
    public IReadOnlyDictionary<string, long> GrowthSince(RepoFootprint before) => _sizes
        .Select(f => (f.Key, Grown: f.Value - before._sizes.GetValueOrDefault(f.Key)))
        .Where(f => f.Grown > 0 || !before._sizes.ContainsKey(f.Key))
        .ToDictionary(f => f.Key, f => f.Grown);
}
