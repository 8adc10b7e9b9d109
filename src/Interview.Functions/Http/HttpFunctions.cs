using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Interview.Functions.Http;

/// <summary>
/// One HTTP function, read from its attributes: the same <see cref="FunctionAttribute"/> and <see cref="HttpTriggerAttribute"/> the
/// Functions SDK compiles into functions.metadata, and what the edge needs to know of it (who may call, its rate limit).
/// </summary>
public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel, MethodInfo Method)
{
    public const string InterviewIdParameter = "interview_id";

    public bool TakesInterviewId => Route.Contains($"{{{InterviewIdParameter}}}", StringComparison.Ordinal);

    // Read once: the edge asks on every request.
    public AccessAttribute? Access { get; } = Method.GetCustomAttribute<AccessAttribute>();

    public string? RateLimitPolicy { get; } = Method.GetCustomAttribute<RateLimitedAttribute>()?.Policy;

    public bool NeedsStorage { get; } = Method.GetCustomAttribute<WithoutStorageAttribute>() is null;

    /// <summary>The HTTP function <paramref name="method"/> declares, or null when it declares none.</summary>
    public static HttpFunction? Of(MethodInfo method)
    {
        var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
        if (method.GetCustomAttribute<FunctionAttribute>() is not { } function || trigger is null)
        {
            return null;
        }

        if (method.ReturnType != typeof(Task<IResult>) || method.GetParameters()[0].ParameterType != typeof(HttpRequest))
        {
            // One shape for every HTTP function, so the laptop twin can call any of them the way the worker does.
            throw new InvalidOperationException($"HTTP function {function.Name} must take the HttpRequest first and return Task<IResult>.");
        }

        return new HttpFunction(function.Name, trigger.Route!, trigger.Methods!, trigger.AuthLevel, method);
    }
}

/// <summary>The HTTP functions of this assembly: by the entry point the host invokes (no scan), or all of them (OpenAPI, tests).</summary>
public static class HttpFunctions
{
    private static readonly Lazy<IReadOnlyDictionary<string, HttpFunction>> ByName = new(Scan);
    private static readonly ConcurrentDictionary<string, HttpFunction?> ByEntryPoint = new(StringComparer.Ordinal);

    public static IEnumerable<HttpFunction> All => ByName.Value.Values.OrderBy(f => f.Name, StringComparer.Ordinal);

    public static HttpFunction? Find(string name) => ByName.Value.GetValueOrDefault(name);

    /// <summary>
    /// The function at <paramref name="entryPoint"/> ("Namespace.Type.Method", as functions.metadata names it), if it is an HTTP one.
    /// </summary>
    public static HttpFunction? ForEntryPoint(string entryPoint) =>
        ByEntryPoint.GetOrAdd(entryPoint, e => EntryPoint(e) is { } method ? HttpFunction.Of(method) : null);

    /// <summary>The method an entry point names in this assembly, or null.</summary>
    public static MethodInfo? EntryPoint(string entryPoint)
    {
        var split = entryPoint.LastIndexOf('.');
        return split <= 0 ? null : typeof(HttpFunctions).Assembly.GetType(entryPoint[..split])
            ?.GetMethod(entryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
    }

    private static IReadOnlyDictionary<string, HttpFunction> Scan() => typeof(HttpFunctions).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
        .Select(HttpFunction.Of).OfType<HttpFunction>()
        .ToDictionary(f => f.Name, StringComparer.Ordinal);
}
