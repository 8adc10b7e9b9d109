using System.Runtime.InteropServices;
using Interview.Personas;
using Interview.Personas.Run;

var (options, error) = PersonaOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync(error is "" ? PersonaOptions.Usage : $"error: {error}\n{PersonaOptions.Usage}");
    return error is "" ? 0 : 2;
}

// Ctrl-C and SIGTERM stop the interviews; the processes this run started are stopped on the way out.
using var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    return await PersonaRun.RunAsync(options, Console.Out, stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("cancelled");
    return 130;
}
catch (InvalidOperationException ex)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return 3;
}
