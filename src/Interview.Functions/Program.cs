using Interview.Functions.Hosting;

namespace Interview.Functions;

/// <summary>
/// What Azure runs: the isolated worker the Functions host starts. Every feature registers itself in AddInterviewApp
/// (Hosting/AppRegistration), the same registrations the laptop twin (src/Interview.Local) uses. A failed start is one
/// message and an exit code (Hosting/StartupFailure).
/// </summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => Launcher.RunAsync(args, args => FunctionsHost.StartedByHost(args)
        ? FunctionsHost.CreateWorker(args).Build()
        : throw new StartupRefusedException(StartupFailure.Unexpected, "Interview.Functions is the Azure Functions worker: the Functions " +
            "host starts it (func start, or Azure).", ["On a laptop run scripts/run, which starts the twin (src/Interview.Local)."]));
}
