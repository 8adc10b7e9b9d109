using System.Globalization;
using Interview.LoadTest;
using Interview.Personas.Cast;
using Interview.Personas.Results;

namespace Interview.Personas;

/// <summary>Command-line settings: which brain, which personas, the turn cap and the ranking to expect.</summary>
public sealed record PersonaOptions
{
    public const string Usage = """
        usage: Interview.Personas [--brain rules|model] [--turns buffered|streamed] [--personas strong,minimal,...] [--turn-cap N]
                                  [--rank CHAINS]
                                  [--timeout 5m] [--json FILE] [--logs DIR] [--repo DIR] [--app-dll PATH]
          --brain      rules (Interviewer__Brain=rules) or model (openai-compatible, on a loopback fake that decides by the rules brain)
          --turns      streamed asks for every answer's reply as a stream, as the page does, and counts the replies reset
          --personas   default: all of strong, average, weak, evasive, off-topic, minimal, question-asker, prompt-injector, non-native
          --turn-cap   answers per interview before it is ended with DELETE and counted as not concluded (default 40)
          --rank       score order to expect, chains of > >= < <= (default strong>average>weak,strong>minimal,prompt-injector<=average)
          --timeout    the whole run's deadline (e.g. 300, 90s, 5m)
        """;

    public string Brain { get; init; } = "rules";

    /// <summary>Every answer's reply asked for as a stream (Accept: text/event-stream), as the candidate page does.</summary>
    public bool Streamed { get; init; }

    public IReadOnlyList<Persona> Personas { get; init; } = Roster.All;

    public int TurnCap { get; init; } = 40;

    public string Ranking { get; init; } = Expectations.DefaultRanking;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    public string? JsonPath { get; init; }

    public string? LogsDirectory { get; init; }

    public string? RepoRoot { get; init; }

    public string? AppDll { get; init; }

    public static (PersonaOptions? Options, string? Error) Parse(IReadOnlyList<string> args) =>
        CommandLine.Parse(args, new PersonaOptions(), (o, name, value) => name switch
        {
            "--brain" => o with { Brain = value is "rules" or "model" ? value : throw new FormatException("expected rules or model") },
            "--turns" => o with { Streamed = value is "streamed" || (value is "buffered" ? false
                : throw new FormatException("expected buffered or streamed")) },
            "--personas" => o with { Personas = value.Split(',', StringSplitOptions.TrimEntries).Select(Named).ToList() },
            "--turn-cap" => o with { TurnCap = int.Parse(value, CultureInfo.InvariantCulture) is var n and > 0 ? n
                : throw new FormatException("must be positive") },
            "--rank" => o with { Ranking = Expectations.Pairs(value).Any() ? value
                : throw new FormatException("expected chains such as strong>average") },
            "--timeout" => o with { Timeout = LoadOptions.Duration(value) },
            "--json" => o with { JsonPath = Path.GetFullPath(value) },
            "--logs" => o with { LogsDirectory = Path.GetFullPath(value) },
            "--repo" => o with { RepoRoot = Path.GetFullPath(value) },
            "--app-dll" => o with { AppDll = Path.GetFullPath(value) },
            _ => throw new FormatException($"unknown option {name}"),
        });

    private static Persona Named(string name) => Roster.Find(name) ?? throw new FormatException($"no persona '{name}'");
}
