using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Interview.Functions.Edge;

/// <summary>
/// One HTTP function, read from its attributes: the same <see cref="FunctionAttribute"/> and <see cref="HttpTriggerAttribute"/>
/// the Functions SDK compiles into functions.metadata, so the Functions host and the standalone app serve the same routes.
/// </summary>
public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel, MethodInfo Method)
{
    public const string InterviewIdParameter = "interview_id";

    public bool TakesInterviewId => Route.Contains($"{{{InterviewIdParameter}}}", StringComparison.Ordinal);

    public AccessAttribute? Access => Method.GetCustomAttribute<AccessAttribute>();

    public string? RateLimitPolicy => Method.GetCustomAttribute<RateLimitedAttribute>()?.Policy;
}

/// <summary>Every HTTP function in this assembly, found once by reflection.</summary>
public static class HttpFunctions
{
    private static readonly Lazy<IReadOnlyDictionary<string, HttpFunction>> ByName = new(() => Scan(typeof(HttpFunctions).Assembly));

    public static IEnumerable<HttpFunction> All => ByName.Value.Values.OrderBy(f => f.Name, StringComparer.Ordinal);

    public static HttpFunction? Find(string name) => ByName.Value.GetValueOrDefault(name);

    private static Dictionary<string, HttpFunction> Scan(Assembly assembly)
    {
        var functions = new Dictionary<string, HttpFunction>(StringComparer.Ordinal);
        foreach (var method in assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance)))
        {
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function || trigger is null)
            {
                continue;
            }

            if (method.ReturnType != typeof(Task<Microsoft.AspNetCore.Http.IResult>) || method.GetParameters()[0].ParameterType != typeof(Microsoft.AspNetCore.Http.HttpRequest))
            {
                // One shape for every HTTP function, so the standalone app can call any of them the way the worker does.
                throw new InvalidOperationException($"HTTP function {function.Name} must take the HttpRequest first and return Task<IResult>.");
            }

            functions.Add(function.Name, new HttpFunction(function.Name, trigger.Route!, trigger.Methods!, trigger.AuthLevel, method));
        }

        return functions;
    }
}
