using Interview.Functions.Edge;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration.CommandLine;

namespace Interview.Functions.Hosting;

/// <summary>
/// One executable, two hosts. Started by the Azure Functions host (which passes its gRPC endpoint), it is an isolated
/// worker with ASP.NET Core integration; started any other way, a plain ASP.NET Core app mapping the same functions.
/// </summary>
public static class FunctionsHost
{
    public const string HostEndpointSetting = "Functions:Worker:HostEndpoint";

    /// <summary>The host passes its endpoint as --functions-uri or as the Functions__Worker__HostEndpoint variable.</summary>
    public static bool StartedByHost(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .Add(new CommandLineConfigurationSource { Args = args, SwitchMappings = new Dictionary<string,
                string> { ["--functions-uri"] = HostEndpointSetting } })
            .Build();
        return !string.IsNullOrEmpty(configuration[HostEndpointSetting]);
    }

    /// <summary>The isolated worker, with every feature and the edge as worker middleware. Tests build it without running it.</summary>
    public static FunctionsApplicationBuilder CreateWorker(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<WorkerEdgeMiddleware>();
        builder.AddInterviewApp();
        return builder;
    }
}
