using System.Reflection;
using System.Text.RegularExpressions;
using Interview.Functions.Storage;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Hosting;

/// <summary>
/// What stopped start-up, said once for both hosts: what failed and how to fix it in a line or a few, and the exit code (docs/running.md
/// lists them). The stack trace only on request, since the newcomer needs the fix, not the frames.
/// </summary>
public sealed partial record StartupFailure(int ExitCode, string Summary, IReadOnlyList<string> Details)
{
    public const int Unexpected = 1;
    public const int InvalidSettings = 2;
    public const int AddressInUse = 3;
    public const int StorageUnreachable = 4;
    public const int FunctionsRefused = 5;

    public static StartupFailure Explain(Exception exception)
    {
        var causes = Causes(exception).ToList();
        if (causes.OfType<StartupRefusedException>().FirstOrDefault() is { } refused)
        {
            return new(refused.ExitCode, refused.Summary, refused.Details);
        }

        if (causes.OfType<OptionsValidationException>().ToList() is { Count: > 0 } invalid)
        {
            var failures = invalid.SelectMany(Failures).Distinct().ToList();
            var example = failures.Select(f => SettingName().Match(f)).FirstOrDefault(m => m.Success)?.Value ?? "Security:Mode";
            return new(InvalidSettings, "invalid settings.", [
                .. failures,
                $"Fix: set them in the environment (\":\" becomes \"__\", e.g. {example.Replace(":", "__", StringComparison.Ordinal)}) " +
                "or in local.settings.json \"Values\"; docs/configuration.md lists every setting.",
            ]);
        }

        if (causes.OfType<StorageUnreachableException>().FirstOrDefault() is { } storage)
        {
            var why = storage.Refused ? "connection refused" : storage.Reason;
            return new(StorageUnreachable, $"storage is unreachable at {storage.Endpoint} ({why}; gave up after " +
                $"{storage.Waited.TotalSeconds:F0} s): is Azurite running? scripts/run starts one; otherwise check " +
                "Storage__ConnectionString or Storage__AccountName.", []);
        }

        if (causes.Any(c => c is AddressInUseException))
        {
            var address = causes.Select(c => BindAddress().Match(c.Message)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
            var port = Uri.TryCreate(address, UriKind.Absolute, out var url) ? url.Port : (int?)null;
            return new(AddressInUse, $"port {port?.ToString() ?? "(unknown)"} is in use ({address}): stop the other process or set " +
                $"ASPNETCORE_URLS, e.g. ASPNETCORE_URLS=http://localhost:{(port ?? 7070) + 1}.", []);
        }

        if (causes.Any(c => c is OperationCanceledException))
        {
            return new(Unexpected, "stopped (Ctrl-C or SIGTERM) before it was ready.", []);
        }

        return new(Unexpected, $"{exception.GetType().Name}: {exception.Message}",
            ["Run with --verbose (or Logging__LogLevel__Default=Debug) for the stack trace."]);
    }

    /// <summary>The lines for stderr; with <paramref name="verbose"/> the exception with its stack trace follows.</summary>
    public string Format(Exception exception, bool verbose) =>
        string.Join(Environment.NewLine,
            [$"Start-up failed: {Summary}", .. Details.Select(d => "  " + d), .. verbose ? [exception.ToString()] : Array.Empty<string>()])
        + Environment.NewLine;

    /// <summary>The exception and everything it wraps, aggregates opened (several options classes failing at once).</summary>
    private static IEnumerable<Exception> Causes(Exception exception)
    {
        yield return exception;
        var inner = exception is AggregateException all ? all.InnerExceptions : exception.InnerException is { } one ? [one] : [];
        foreach (var cause in inner.SelectMany(Causes))
        {
            yield return cause;
        }
    }

    /// <summary>
    /// Each failure named by its setting: a generated validator says "RateLimit.TurnsPerMinutePerInterview: The field
    /// SecurityOptions.RateLimit.TurnsPerMinutePerInterview must be …" of a type, the reader sets "Security:RateLimit:…".
    /// Messages that already name their setting (the Validate(...) ones) pass through.
    /// </summary>
    private static IEnumerable<string> Failures(OptionsValidationException invalid)
    {
        var section = invalid.OptionsType.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string
                      ?? invalid.OptionsType.Name;
        foreach (var failure in invalid.Failures)
        {
            var match = AnnotationFailure().Match(failure);
            var error = match.Groups["error"].Value;
            if (!match.Success || error.Contains($"{section}:", StringComparison.Ordinal))
            {
                yield return match.Success ? error : failure;
                continue;
            }

            // The error names the full path ("SecurityOptions.RateLimit.X"); the member before the colon only its last part.
            var typed = $"{invalid.OptionsType.Name}.";
            var at = error.IndexOf(typed, StringComparison.Ordinal);
            var path = at < 0 ? match.Groups["member"].Value
                : new string([.. error[(at + typed.Length)..].TakeWhile(c => char.IsLetterOrDigit(c) || c == '.')]);
            yield return $"{section}:{path.Replace('.', ':')}: " +
                $"{(at < 0 ? error : error.Replace(typed + path, path.Split('.')[^1], StringComparison.Ordinal))}";
        }
    }

    [GeneratedRegex("^(?<member>[A-Za-z][A-Za-z0-9.]*): (?<error>.*)$")]
    private static partial Regex AnnotationFailure();

    [GeneratedRegex("\\b[A-Z][A-Za-z]+(:[A-Z][A-Za-z]+)+\\b")]
    private static partial Regex SettingName();

    // Kestrel: "Failed to bind to address http://127.0.0.1:7071: address already in use."
    [GeneratedRegex("bind to address (\\S+?):? address already in use", RegexOptions.IgnoreCase)]
    private static partial Regex BindAddress();
}
