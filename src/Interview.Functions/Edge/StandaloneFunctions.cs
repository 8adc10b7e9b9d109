using System.Collections.Concurrent;
using System.Reflection;

namespace Interview.Functions.Edge;

/// <summary>
/// Standalone (no Functions host): maps every HTTP function's route and methods onto ASP.NET Core and calls the very same
/// method the worker would, behind the same <see cref="EdgePipeline"/>. The function class is created per request with
/// constructor injection, as the worker creates it; parameters after the HttpRequest come from the container.
/// </summary>
public static class StandaloneFunctions
{
    private static readonly ConcurrentDictionary<Type, ObjectFactory> Factories = new();

    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder app)
    {
        foreach (var function in HttpFunctions.All)
        {
            app.MapMethods(function.Route, function.Methods.Select(m => m.ToUpperInvariant()), http => InvokeAsync(http, function))
                .WithName(function.Name)
                .WithDisplayName(function.Name);
        }

        return app;
    }

    private static async Task InvokeAsync(HttpContext http, HttpFunction function)
    {
        var edge = http.RequestServices.GetRequiredService<EdgePipeline>();
        var result = await edge.RunAsync(http, function, () =>
        {
            var type = function.Method.DeclaringType!;
            var instance = Factories.GetOrAdd(type, t => ActivatorUtilities.CreateFactory(t, []))(http.RequestServices, []);
            var arguments = function.Method.GetParameters()
                .Select((p, i) => i == 0 ? http.Request : http.RequestServices.GetRequiredService(p.ParameterType))
                .ToArray();
            return (Task<IResult>)function.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, arguments, null)!;
        });
        await result.ExecuteAsync(http);
    }
}
