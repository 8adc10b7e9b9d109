using System.Reflection;
using Interview.Functions.Http;

namespace Interview.Local.Functions;

/// <summary>
/// Calls a function's method the way the isolated worker does: the class created per invocation with constructor
/// injection, the trigger's value first, a CancellationToken where asked for, every other parameter from the container
/// (the Durable client, which the twin registers itself).
/// </summary>
public sealed class FunctionInvoker
{
    private FunctionInvoker(MethodInfo method) => Method = method;

    public MethodInfo Method { get; }

    /// <summary>The method named by functions.metadata's <c>entryPoint</c> ("Namespace.Type.Method"), in the function app.</summary>
    public static FunctionInvoker For(FunctionEntry function) => new(HttpFunctions.EntryPoint(function.EntryPoint)
        ?? throw new InvalidOperationException($"{function.Name}: entry point {function.EntryPoint} is not in the function app."));

    public object? Invoke(IServiceProvider services, object trigger, CancellationToken ct)
    {
        var type = Method.DeclaringType!;
        // CreateInstance, not a compiled factory: compiling expression trees would cost the first request more than it saves later.
        var instance = Method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, type);
        var arguments = Method.GetParameters()
            .Select((p, i) => i == 0 ? trigger : p.ParameterType == typeof(CancellationToken) ? ct
                : services.GetRequiredService(p.ParameterType))
            .ToArray();
        return Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, arguments, null);
    }
}
