using Interview.Functions.Hosting;

// Started by the Azure Functions host: an isolated worker. Started any other way (scripts/run, the tests): the same
// functions on a plain ASP.NET Core app. Hosting/ holds both; every feature registers itself in AddInterviewApp.
// A failed start is one message and an exit code (Hosting/StartupFailure), whichever host it was.
return await Launcher.RunAsync(args, args => FunctionsHost.StartedByHost(args)
    ? FunctionsHost.CreateWorker(args).Build()
    : Standalone.Build(Standalone.CreateBuilder(args)));

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
