using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Interview.Functions.Http;

namespace Interview.Functions.Edge;

/// <summary>
/// Under the Functions host: runs every HTTP function behind the <see cref="EdgePipeline"/>. It sits after the ASP.NET Core
/// integration's own middleware, so the request's HttpContext (with its route values) is there; a refusal becomes the
/// invocation's result, which the integration writes to the response as it writes any function's IResult.
/// </summary>
/// <remarks>
/// Access-Control-Expose-Headers: the Functions host's CORS policy (azure-functions-host CorsOptionsSetup) is built from
/// the allowed origins only, with no exposed headers, and the platform's CORS setting has no field for them.
/// </remarks>
public sealed class WorkerEdgeMiddleware(EdgePipeline edge) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http || HttpFunctions.ForEntryPoint(context.FunctionDefinition.EntryPoint)
            is not { } function)
        {
            await next(context);
            return;
        }

        // The host answers CORS (the origins the infra sets) but cannot expose response headers: the app adds only that.
        if (http.Request.Headers.Origin.Count > 0)
        {
            http.Response.Headers.AccessControlExposeHeaders = string.Join(", ", BrowserHeaders.Exposed);
        }

        context.GetInvocationResult().Value = await edge.RunAsync(http, function, async () =>
        {
            await next(context);
            return context.GetInvocationResult().Value as IResult ?? Results.Empty;
        });
    }
}
