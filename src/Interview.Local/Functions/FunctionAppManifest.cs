using System.Text.Json;

namespace Interview.Local.Functions;

/// <summary>One binding of a function as functions.metadata states it (the host reads the same shape over gRPC).</summary>
public sealed record FunctionBinding(string Type, string? Name, string? Direction, string? Route, IReadOnlyList<string>? Methods,
    string? AuthLevel, string? Schedule)
{
    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One function: its name, the method the host invokes (<c>Namespace.Type.Method</c>) and its bindings.</summary>
public sealed record FunctionEntry(string Name, string EntryPoint, IReadOnlyList<FunctionBinding> Bindings)
{
    public FunctionBinding? Trigger => Bindings.FirstOrDefault(b => b.IsTrigger);

    public FunctionBinding? HttpTrigger => Bindings.FirstOrDefault(b => b.Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// What the Functions host reads from an app root, as the Functions SDK wrote it at build: functions.metadata (every
/// function and its bindings) and extensions.json (the binding extensions the host loads). The twin maps and checks
/// exactly these, so it serves what the host would serve and refuses what the host would refuse.
/// </summary>
public sealed record FunctionAppManifest(IReadOnlyList<FunctionEntry> Functions, IReadOnlySet<string> Extensions)
{
    /// <summary>Beside the executable: the function app's build output, these two files with it, is copied into the twin's.</summary>
    public static string DefaultFolder => AppContext.BaseDirectory;

    public static FunctionAppManifest Load(string folder)
    {
        var metadata = Path.Combine(folder, "functions.metadata");
        var extensions = Path.Combine(folder, "extensions.json");
        if (!File.Exists(metadata) || !File.Exists(extensions))
        {
            throw new FileNotFoundException($"No functions.metadata and extensions.json in {folder}: build src/Interview.Functions first.");
        }

        return Parse(File.ReadAllText(metadata), File.ReadAllText(extensions));
    }

    // JsonDocument rather than JsonNode: configuration already loaded it, so reading these costs the start little.
    public static FunctionAppManifest Parse(string metadataJson, string extensionsJson)
    {
        using var metadata = JsonDocument.Parse(metadataJson);
        using var extensions = JsonDocument.Parse(extensionsJson);
        var functions = metadata.RootElement.EnumerateArray().Select(f => new FunctionEntry(Text(f, "name")!, Text(f, "entryPoint") ?? "",
            [.. f.GetProperty("bindings").EnumerateArray().Select(Binding)])).ToList();
        var names = extensions.RootElement.GetProperty("extensions").EnumerateArray().Select(e => Text(e, "name")!);
        return new FunctionAppManifest(functions, names.ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    private static FunctionBinding Binding(JsonElement b) => new(Text(b, "type")!, Text(b, "name"), Text(b, "direction"), Text(b, "route"),
        b.TryGetProperty("methods", out var methods) && methods.ValueKind == JsonValueKind.Array
            ? [.. methods.EnumerateArray().Select(m => m.GetString()!)] : null,
        Text(b, "authLevel"), Text(b, "schedule"));

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
