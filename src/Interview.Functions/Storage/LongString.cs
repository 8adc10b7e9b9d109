using Azure.Data.Tables;

namespace Interview.Functions.Storage;

/// <summary>
/// A string of any length in one entity: the first <see cref="PartChars"/> characters in the property itself, the rest in
/// "Name_1", "Name_2"... A string of at most PartChars is stored exactly as before, so older rows read unchanged.
/// Entities holding one are always written whole (add or replace, never merge), so no stale part can linger.
/// </summary>
internal static class LongString
{
    /// <summary>Below Table Storage's 32,767 characters, leaving room to keep a surrogate pair in one part.</summary>
    public const int PartChars = 32_000;

    public static void Put(TableEntity entity, string property, string? value)
    {
        entity[property] = value;
        if (value is null)
        {
            return;
        }

        var at = 0;
        for (var part = 0; at < value.Length; part++)
        {
            var length = Math.Min(PartChars, value.Length - at);
            if (at + length < value.Length && char.IsHighSurrogate(value[at + length - 1]))
            {
                length--; // never split a surrogate pair: half of one is not a character Table Storage keeps
            }

            entity[Name(property, part)] = value.Substring(at, length);
            at += length;
        }
    }

    public static string? Get(TableEntity entity, string property)
    {
        if (entity.GetString(property) is not { } first)
        {
            return null;
        }

        string? next = entity.GetString(Name(property, 1));
        if (next is null)
        {
            return first;
        }

        var text = new System.Text.StringBuilder(first);
        for (var part = 1; next is not null; next = entity.GetString(Name(property, ++part)))
        {
            text.Append(next);
        }

        return text.ToString();
    }

    private static string Name(string property, int part) =>
        part == 0 ? property : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{property}_{part}");
}
