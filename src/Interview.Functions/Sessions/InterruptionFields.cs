using System.Globalization;
using Interview.Core.Domain;
using Interview.Functions.Http;

namespace Interview.Functions.Sessions;

/// <summary>
/// The optional barge-in fields of a turn: <c>interrupted_at_ms</c> (how far into the interviewer's last line's audio
/// the candidate started speaking) and <c>heard_chars</c> (how much of its text had been spoken by then). Whether the
/// line exists and is that long is the session's call; here only the form is checked, before anything is loaded.
/// </summary>
internal static class InterruptionFields
{
    public const string AtMs = "interrupted_at_ms";
    public const string HeardChars = "heard_chars";

    public static (Interruption? Interruption, IResult? Problem) Read(IFormCollection form)
    {
        var hasAt = form.TryGetValue(AtMs, out var at);
        var hasHeard = form.TryGetValue(HeardChars, out var heard);
        if (!hasAt)
        {
            return hasHeard ? Fail($"'{HeardChars}' goes with '{AtMs}'.") : (null, null);
        }

        if (!TryCount(at, Interruption.MaxAtMs, out var atMs))
        {
            return Fail($"'{AtMs}' is a whole number of milliseconds from 0 to {Interruption.MaxAtMs}.");
        }

        if (!hasHeard)
        {
            return (new Interruption(atMs), null);
        }

        return TryCount(heard, int.MaxValue, out var chars)
            ? (new Interruption(atMs, chars), null)
            : Fail($"'{HeardChars}' is a whole number of characters, 0 or more.");
    }

    private static bool TryCount(Microsoft.Extensions.Primitives.StringValues values, int max, out int value)
    {
        value = 0;
        return values.Count == 1
            && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value <= max;
    }

    private static (Interruption?, IResult?) Fail(string detail) => (null, Problems.Create(ErrorCodes.InvalidField, detail));
}
