using Interview.Functions.Edge;
using Interview.Functions.Http;

namespace Interview.Local.Functions;

/// <summary>
/// Maps every HTTP function of functions.metadata, at the route and methods the host would serve it on, onto ASP.NET Core,
/// and calls the very method the worker would, behind the same <see cref="EdgePipeline"/>.
/// </summary>
public static class HttpFunctionRoutes
{
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder app, FunctionAppManifest manifest)
    {
        foreach (var function in manifest.Functions)
        {
            if (function.HttpTrigger is not { } trigger)
            {
                continue;
            }

            var invoker = FunctionInvoker.For(function);
            // The edge's view of the same function (its [Access], rate limit and id rules), found by the name the host invokes.
            var edgeView = HttpFunction.Of(invoker.Method)
                ?? throw new InvalidOperationException($"{function.Name} is an HTTP function in functions.metadata but not to the edge.");
            app.MapMethods(trigger.Route ?? function.Name, (trigger.Methods ?? []).Select(m => m.ToUpperInvariant()),
                    http => InvokeAsync(http, edgeView, invoker))
                .WithName(function.Name)
                .WithDisplayName(function.Name);
        }

        return app;
    }

    private static async Task InvokeAsync(HttpContext http, HttpFunction function, FunctionInvoker invoker)
    {
        var edge = http.RequestServices.GetRequiredService<EdgePipeline>();
        var result = await edge.RunAsync(http, function,
            () => (Task<IResult>)invoker.Invoke(http.RequestServices, http.Request, http.RequestAborted)!);
        await result.ExecuteAsync(http);
    }
}
