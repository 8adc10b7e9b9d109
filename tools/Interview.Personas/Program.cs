using Interview.LoadTest;
using Interview.Personas;
using Interview.Personas.Run;

return await CommandLine.MainAsync(PersonaOptions.Parse(args), PersonaOptions.Usage, (options, ct)
    => PersonaRun.RunAsync(options, Console.Out, ct));
