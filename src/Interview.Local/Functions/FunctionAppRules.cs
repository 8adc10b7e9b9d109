using System.Text.RegularExpressions;

namespace Interview.Local.Functions;

/// <summary>
/// What the Azure Functions host refuses or mis-routes when it indexes an app, written once: the twin refuses to start on
/// any of it, and a test runs it over the published functions.metadata. Each rule cites where the host does it
/// (Azure/azure-functions-host, src/WebJobs.Script); docs/architecture.md's list mirrors this one.
/// </summary>
public static partial class FunctionAppRules
{
    /// <summary>Binding types the host registers itself (ScriptHostBuilderExtensions: AddHttp, AddTimersWithStorage, AddWarmup).</summary>
    private static readonly HashSet<string> BuiltIn =
        new(["httpTrigger", "http", "timerTrigger", "warmupTrigger"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The extension (its name in extensions.json) that brings each binding type this app could use.</summary>
    private static readonly Dictionary<string, string> ExtensionOf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["orchestrationTrigger"] = "DurableTask", ["activityTrigger"] = "DurableTask", ["entityTrigger"] = "DurableTask",
        ["durableClient"] = "DurableTask", ["queueTrigger"] = "AzureStorageQueues", ["queue"] = "AzureStorageQueues",
        ["blobTrigger"] = "AzureStorageBlobs", ["blob"] = "AzureStorageBlobs",
    };

    /// <summary>Every rule the app breaks, one line each naming the function; empty when the host would index it all.</summary>
    public static IReadOnlyList<string> Check(FunctionAppManifest app)
    {
        var problems = new List<string>();
        var http = new List<(string Function, string Route, IReadOnlyList<string>? Methods)>();
        foreach (var function in app.Functions)
        {
            if (!FunctionName().IsMatch(function.Name))
            {
                problems.Add($"{function.Name}: not a valid function name (the host's Utility.IsValidFunctionName: a letter, then up " +
                    "to 127 letters, digits, '_' or '-', and not 'host').");
            }

            problems.AddRange(function.Bindings.SelectMany(b => BindingProblems(function.Name, b, app.Extensions)));
            problems.AddRange(ShapeProblems(function));
            if (function.HttpTrigger is { } trigger)
            {
                var route = string.IsNullOrWhiteSpace(trigger.Route) ? function.Name : trigger.Route; // the host's default
                problems.AddRange(HttpProblems(function.Name, route, trigger, http));
                http.Add((function.Name, route, trigger.Methods));
            }
        }

        return problems;
    }

    private static IEnumerable<string> BindingProblems(string function, FunctionBinding binding, IReadOnlySet<string> extensions)
    {
        if (binding.Name is null || !BindingName().IsMatch(binding.Name))
        {
            yield return $"{function}: binding name '{binding.Name}' is invalid (the host's Utility.ValidateBinding: a letter, then " +
                "letters " +
                "or digits, or $return).";
        }

        if (!BuiltIn.Contains(binding.Type)
            && !(ExtensionOf.TryGetValue(binding.Type, out var extension) && extensions.Contains(extension)))
        {
            yield return $"{function}: binding type '{binding.Type}' has no extension in extensions.json (the host: \"The binding " +
                "type(s) " +
                $"'{binding.Type}' are not registered\"); add the worker extension package that provides it.";
        }
    }

    /// <summary>WorkerFunctionMetadataProvider.ValidateBindings: unique binding names and an input trigger.</summary>
    private static IEnumerable<string> ShapeProblems(FunctionEntry function)
    {
        foreach (var name in function.Bindings.GroupBy(b => b.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return $"{function.Name}: several bindings are named '{name.Key}' (the host: \"Binding names must be unique.\").";
        }

        if (!function.Bindings.Any(b => b.IsTrigger && !string.Equals(b.Direction, "out", StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"{function.Name}: no trigger binding (the host: \"A function must have a trigger input binding.\").";
        }
    }

    private static IEnumerable<string> HttpProblems(string function, string route, FunctionBinding trigger,
        IEnumerable<(string Function, string Route, IReadOnlyList<string>? Methods)> earlier)
    {
        var lowered = route.Trim('/').ToLowerInvariant();
        if (lowered.StartsWith("admin", StringComparison.Ordinal) || lowered.StartsWith("runtime", StringComparison.Ordinal))
        {
            yield return $"{function}: route '{route}' starts with '{(lowered.StartsWith('a') ? "admin" : "runtime")}', which the host " +
                "reserves for its own API (ScriptHost.ValidateHttpFunction: \"The specified route conflicts with one or more built in " +
                    "routes.\").";
        }

        foreach (var other in earlier.Where(o => string.Equals(o.Function, function, StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"{function}: another HTTP function has the same name {other.Function} (the host: \"The function or proxy name " +
                "must be unique within the function app.\").";
        }

        foreach (var other in earlier.Where(o => Conflict(route, trigger.Methods, o.Route, o.Methods)))
        {
            yield return $"{function}: route '{route}' and methods [{string.Join(", ", trigger.Methods ?? [])}] conflict with function " +
                $"{other.Function} (ScriptHost.HttpRoutesConflict: the same route, case-insensitive, and a method in common).";
        }

        // Not the host's rule but the twin's: it has no Functions keys, so it would answer what Azure refuses without one.
        if (!string.Equals(trigger.AuthLevel, "anonymous", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{function}: authLevel '{trigger.AuthLevel}'; this app authenticates its callers itself ([Access]), so every " +
                "HTTP function is Anonymous at the host.";
        }
    }

    /// <summary>As the host: the same route ignoring case and slashes, and methods in common (none listed means all).</summary>
    private static bool Conflict(string route, IReadOnlyList<string>? methods, string otherRoute, IReadOnlyList<string>? otherMethods) =>
        string.Equals(route.Trim('/'), otherRoute.Trim('/'), StringComparison.OrdinalIgnoreCase)
        && (methods is not { Count: > 0 } || otherMethods is not { Count: > 0 }
            || methods.Intersect(otherMethods, StringComparer.OrdinalIgnoreCase).Any());

    [GeneratedRegex(@"^[a-z][a-z0-9_\-]{0,127}$(?<!^host$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FunctionName();

    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9]{0,127}|\$return)$")]
    private static partial Regex BindingName();
}
