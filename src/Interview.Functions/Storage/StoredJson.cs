using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;

namespace Interview.Functions.Storage;

/// <summary>
/// The one JSON shape of records kept in Table Storage (sessions, idempotency records, reports, reviews), and how a JSON
/// value goes into an entity: as a <see cref="LongString"/>, so it never breaks the 32K-character property limit.
/// </summary>
internal static class StoredJson
{
    /// <summary>
    /// Text is written as itself, not as \uXXXX: a Cyrillic or Chinese answer costs one character per character instead
    /// of six. UnsafeRelaxedJsonEscaping rather than JavaScriptEncoder.Create(UnicodeRanges.All), because the latter still
    /// escapes &lt; &gt; &amp; ' + ` (common in answers: "C++", "don't") to guard HTML pages; these strings are only
    /// ever read back by System.Text.Json, never embedded in HTML or script, and the wire options re-encode anything
    /// sent to a client. '"', '\' and control characters are still escaped, so the JSON stays valid. Names are read
    /// case-insensitively because reports and reviews were first written camelCase; escaped JSON written before reads as ever.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    public static void Put<T>(TableEntity entity, string property, T value) =>
        LongString.Put(entity, property, JsonSerializer.Serialize(value, Options));

    public static T? Get<T>(TableEntity entity, string property) =>
        LongString.Get(entity, property) is { } json ? JsonSerializer.Deserialize<T>(json, Options) : default;

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            PropertyNameCaseInsensitive = true,
            Converters = { new JsonStringEnumConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
