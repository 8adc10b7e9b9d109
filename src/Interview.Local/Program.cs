using Interview.Functions.Hosting;
using Interview.Local.Twin;

// The laptop twin: the function app's own functions, read from the functions.metadata the Functions SDK wrote for the
// host and checked against the host's rules, on a plain ASP.NET Core app with the Durable engine run locally and the
// pages served (Twin/TwinHost). scripts/run, the tests and the benchmarks start it; Azure never does.
return await Launcher.RunAsync(args, args => TwinHost.Build(TwinHost.CreateBuilder(args)));

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
