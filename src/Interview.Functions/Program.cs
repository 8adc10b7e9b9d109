using Interview.Functions.Hosting;

// Started by the Azure Functions host: an isolated worker. Started any other way (scripts/run, the tests): the same
// functions on a plain ASP.NET Core app. Hosting/ holds both; every feature registers itself in AddInterviewApp.
if (FunctionsHost.StartedByHost(args))
{
    FunctionsHost.CreateWorker(args).Build().Run();
}
else
{
    Standalone.Build(Standalone.CreateBuilder(args)).Run();
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
