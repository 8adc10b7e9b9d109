using Interview.LoadTest;
using Interview.LoadTest.Run;

return await CommandLine.MainAsync(LoadOptions.Parse(args), LoadOptions.Usage, (options, ct) => LoadRun.RunAsync(options, Console.Out, ct));
