using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Interview.Functions.Edge;

/// <summary>
/// Under the Functions host: runs every HTTP function behind the <see cref="EdgePipeline"/>. It sits after the ASP.NET Core
/// integration's own middleware, so the request's HttpContext (with its route values) is there; a refusal becomes the
/// invocation's result, which the integration writes to the response as it writes any function's IResult.
/// </summary>
public sealed class WorkerEdgeMiddleware(EdgePipeline edge) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http || HttpFunctions.ForEntryPoint(context.FunctionDefinition.EntryPoint) is not { } function)
        {
            await next(context);
            return;
        }

        context.GetInvocationResult().Value = await edge.RunAsync(http, function, async () =>
        {
            await next(context);
            return context.GetInvocationResult().Value as IResult ?? Results.Empty;
        });
    }
}
