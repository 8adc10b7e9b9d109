using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using Interview.Functions.Http;

namespace Interview.Functions.Tests.Hosting.WorkerPath;

/// <summary>An HTTP-triggered function as the host routes to it: its id, route template and methods, and its input bindings.</summary>
internal sealed record HttpFunction(string Id, string Name, TemplateMatcher Route, string[] Methods,
    IReadOnlyList<(string Name, string Type)> InputBindings)
{
    public static HttpFunction? From(RpcFunctionMetadata metadata, string routePrefix)
    {
        var trigger = metadata.RawBindings.Select(b => JsonNode.Parse(b)!).FirstOrDefault(b => (string?)b["type"] == "httpTrigger");
        if (trigger is null)
        {
            return null;
        }

        var route = $"{routePrefix}/{(string?)trigger["route"] ?? metadata.Name}".TrimStart('/');
        var methods = trigger["methods"]?.AsArray().Select(m => (string)m!).ToArray() ?? [];
        var inputs = metadata.Bindings.Where(b => b.Value.Direction == BindingInfo.Types.Direction.In).Select(b
            => (b.Key, b.Value.Type)).ToList();
        return new HttpFunction(metadata.FunctionId, metadata.Name,
            new TemplateMatcher(TemplateParser.Parse(route), new RouteValueDictionary()), methods, inputs);
    }

    public RouteValueDictionary? Match(HttpMethod method, string path)
    {
        var values = new RouteValueDictionary();
        return (Methods.Length == 0 || Methods.Contains(method.Method, StringComparer.OrdinalIgnoreCase))
            && Route.TryMatch(path, values) ? values : null;
    }

    /// <summary>
    /// The InvocationRequest the host sends for one request with a proxying worker: the input bindings' values and the
    /// trigger's binding data (route values and the query).
    /// </summary>
    public InvocationRequest Invocation(string invocationId, RouteValueDictionary route, Uri uri, Func<string> durableClient)
    {
        var invocation = new InvocationRequest { FunctionId = Id, InvocationId = invocationId,
            TraceContext = new RpcTraceContext() };
        foreach (var (name, binding) in InputBindings)
        {
            invocation.InputData.Add(new ParameterBinding
            {
                Name = name,
                // Proxying: the request itself arrives over HTTP, so the trigger's value is an empty RpcHttp (ToRpcHttp).
                Data = binding.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase) ? new TypedData { Http = new RpcHttp() }
                    : binding.Equals("durableClient", StringComparison.OrdinalIgnoreCase)
                        ? new TypedData { String = durableClient() }
                    : throw new InvalidOperationException($"{Name}: this stand-in has no value for a '{binding}' input."),
            });
        }

        // The HTTP trigger's binding data: route values and the query (the request object itself is left out,
        // RpcHttpTriggerMetadataRemoved).
        foreach (var (name, value) in route)
        {
            invocation.TriggerMetadata[name] =
                new TypedData { String = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" };
        }

        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        invocation.TriggerMetadata["Query"] =
            new TypedData { Json = JsonSerializer.Serialize(query.AllKeys.OfType<string>().ToDictionary(k => k, k => query[k])) };
        return invocation;
    }
}
