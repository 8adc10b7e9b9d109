using System.Globalization;

namespace Interview.LoadTest;

public enum FaultMode
{
    None,
    AzuriteRestart,
    AppRestart,
    ModelErrors,
}

/// <summary>Command-line settings. Anything a fault needs to control (processes, the fake model) requires an own environment.</summary>
public sealed record LoadOptions
{
    public const string Usage = """
        usage: Interview.LoadTest [--interviews N] [--turns T] [--url URL] [--timeout 10m]
                                  [--fault none|azurite-restart|app-restart|model-errors]
                                  [--think-ms MS] [--azurite disk|memory] [--speech none|offline]
                                  [--json FILE] [--logs DIR] [--repo DIR] [--app-dll PATH]
          --url          an app that is already running (rules brain); default: start Azurite and the app here
          --timeout      the whole run's deadline (e.g. 600, 90s, 10m, 00:10:00); every loop stops by itself
          --fault        azurite-restart and app-restart restart a process after ~30% of the turns;
                         model-errors runs the app on a fake Azure OpenAI that fails ~30% of calls
          --think-ms     mean pause between a reply and the next answer, varied 0.5x to 1.5x, starts staggered over
                         one think time (default 0: every client answers the moment it has a reply)
          --azurite      disk (default: a temp --location, saved every 5 s and on SIGTERM) or memory (not with azurite-restart)
          --speech       offline: every interviewer line is spoken by flite, as scripts/run does (answers stay typed); default none
          --json         also write the results as JSON
          --logs         keep the app's and Azurite's output in this folder
        """;

    public int Interviews { get; init; } = 200;

    public int Turns { get; init; } = 20;

    public Uri? Url { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    public FaultMode Fault { get; init; } = FaultMode.None;

    public TimeSpan Think { get; init; } = TimeSpan.Zero;

    public bool AzuriteInMemory { get; init; }

    /// <summary>The app's Speech:Provider: none (text only) or offline (flite speaks every line).</summary>
    public string Speech { get; init; } = "none";

    public string? JsonPath { get; init; }

    public string? LogsDirectory { get; init; }

    public string? RepoRoot { get; init; }

    public string? AppDll { get; init; }

    public static string FaultName(FaultMode mode) => mode switch
    {
        FaultMode.AzuriteRestart => "azurite-restart",
        FaultMode.AppRestart => "app-restart",
        FaultMode.ModelErrors => "model-errors",
        _ => "none",
    };

    /// <summary>The options, or an error message for the user.</summary>
    public static (LoadOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var (o, error) = CommandLine.Parse(args, new LoadOptions(), (o, name, value) => name switch
        {
            "--interviews" => o with { Interviews = Positive(value) },
            "--turns" => o with { Turns = Positive(value) },
            "--url" => o with { Url = new Uri(value.EndsWith('/') ? value : value + "/", UriKind.Absolute) },
            "--timeout" => o with { Timeout = Duration(value) },
            "--fault" => o with { Fault = ParseFault(value) },
            "--think-ms" => o with { Think = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)) },
            "--azurite" => o with { AzuriteInMemory =
                value switch { "memory" => true, "disk" => false, _ => throw new FormatException("expected disk or memory") } },
            "--speech" => o with { Speech = value is "none" or "offline" ? value : throw new FormatException("expected none or offline") },
            "--json" => o with { JsonPath = Path.GetFullPath(value) },
            "--logs" => o with { LogsDirectory = Path.GetFullPath(value) },
            "--repo" => o with { RepoRoot = Path.GetFullPath(value) },
            "--app-dll" => o with { AppDll = Path.GetFullPath(value) },
            _ => throw new FormatException($"unknown option {name}"),
        });
        if (o is null)
        {
            return (null, error);
        }

        return o switch
        {
            { Url: not null, Fault: not FaultMode.None }
                => (null, "--fault needs the tool's own environment (it restarts processes or fakes the model): drop --url"),
            { AzuriteInMemory: true, Fault: FaultMode.AzuriteRestart }
                => (null, "azurite-restart needs --azurite disk: an in-memory Azurite forgets everything when it stops"),
            _ => (o, null),
        };
    }

    private static int Positive(string value) =>
        int.Parse(value, CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new FormatException("must be positive");

    private static FaultMode ParseFault(string value) => value switch
    {
        "none" => FaultMode.None,
        "azurite-restart" => FaultMode.AzuriteRestart,
        "app-restart" => FaultMode.AppRestart,
        "model-errors" => FaultMode.ModelErrors,
        _ => throw new FormatException("expected none, azurite-restart, app-restart or model-errors"),
    };

    /// <summary>600, 90s, 10m, 1h, 500ms or 00:10:00; positive.</summary>
    public static TimeSpan Duration(string value)
    {
        var (number, unit) = value switch
        {
            _ when value.EndsWith("ms", StringComparison.Ordinal) => (value[..^2], 0.001),
            _ when value.EndsWith('s') => (value[..^1], 1.0),
            _ when value.EndsWith('m') => (value[..^1], 60.0),
            _ when value.EndsWith('h') => (value[..^1], 3600.0),
            _ when value.Contains(':', StringComparison.Ordinal) => ("", 0.0),
            _ => (value, 1.0),
        };
        var span = unit == 0 ? TimeSpan.Parse(value, CultureInfo.InvariantCulture)
            : TimeSpan.FromSeconds(double.Parse(number, CultureInfo.InvariantCulture) * unit);
        return span > TimeSpan.Zero ? span : throw new FormatException("must be positive");
    }
}
