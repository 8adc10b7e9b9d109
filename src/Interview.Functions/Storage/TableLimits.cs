using Azure.Data.Tables;

namespace Interview.Functions.Storage;

/// <summary>
/// Table Storage's limits, and the one rule for measuring against them. Azurite enforces none of these, so the store
/// checks every write itself: a write Azure would refuse fails the same way on a laptop and in tests.
/// </summary>
internal static class TableLimits
{
    public const int MaxStringChars = 32_767;
    public const int MaxBinaryBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxProperties = 255; // including PartitionKey, RowKey and Timestamp
    public const int MaxBatchEntities = 100;
    public const int MaxBatchBytes = 4 * 1024 * 1024;

    /// <summary>Room per entity in a batch for its multipart headers, its URL and the OData type annotations.</summary>
    private const int BatchOverheadBytes = 1024;

    /// <summary>An entity's size as Table Storage counts it: UTF-16 strings, 8 bytes for other values.</summary>
    public static long EntityBytes(TableEntity entity) =>
        4 + (2L * entity.PartitionKey.Length) + (2L * entity.RowKey.Length)
        + Properties(entity).Sum(p => 8 + (2L * p.Key.Length) + p.Value switch
        {
            string s => 4 + (2L * s.Length),
            byte[] b => 4 + b.Length,
            BinaryData b => 4 + b.ToMemory().Length,
            _ => 8,
        });

    /// <summary>
    /// An upper bound on the entity's bytes in a batch request, which sends it as JSON. Counted as the default encoder (the
    /// most cautious) writes it: a character outside printable ASCII, or one of " &lt; &gt; &amp; ' + `, takes six bytes
    /// (\uXXXX), '\' two.
    /// So stored JSON that escaped a character costs seven bytes for it here, and one stored as itself up to six.
    /// </summary>
    public static long WireBytes(TableEntity entity) =>
        BatchOverheadBytes + Json(entity.PartitionKey) + Json(entity.RowKey)
        + Properties(entity).Sum(p => 64 + Json(p.Key) + p.Value switch
        {
            string s => Json(s),
            byte[] b => 2L * b.Length, // base64 is 4/3; 2 leaves room
            BinaryData b => 2L * b.ToMemory().Length,
            _ => 64,
        });

    /// <exception cref="InvalidOperationException">The batch, or an entity in it, is over a limit.</exception>
    public static void Check(IReadOnlyCollection<TableTransactionAction> batch)
    {
        Require(batch.Count <= MaxBatchEntities, $"{batch.Count} entities in one batch (at most {MaxBatchEntities})");
        var bytes = batch.Sum(a => WireBytes((TableEntity)a.Entity));
        Require(bytes <= MaxBatchBytes, $"a batch of up to {bytes} bytes (at most {MaxBatchBytes})");
        foreach (var action in batch)
        {
            Check((TableEntity)action.Entity);
        }
    }

    /// <exception cref="InvalidOperationException">The entity is over a limit.</exception>
    public static void Check(TableEntity entity)
    {
        var where = $"{entity.PartitionKey}/{entity.RowKey}";
        Require(Properties(entity).Count() + 3 <= MaxProperties, $"{where} has more than {MaxProperties} properties");
        Require(EntityBytes(entity) <= MaxEntityBytes, $"{where} is {EntityBytes(entity)} bytes (at most {MaxEntityBytes})");
        foreach (var (name, value) in Properties(entity))
        {
            Require(value is not string s || s.Length <= MaxStringChars, $"{where}.{name} is over {MaxStringChars} characters");
            Require(value is not byte[] b || b.Length <= MaxBinaryBytes, $"{where}.{name} is over {MaxBinaryBytes} bytes");
        }
    }

    /// <summary>The entity's own properties: not its keys, Timestamp or the ETag a read adds; nulls are not stored.</summary>
    public static IEnumerable<KeyValuePair<string, object>> Properties(TableEntity entity) =>
        entity.Where(p => p.Value is not null
                          && p.Key is not ("PartitionKey" or "RowKey" or "Timestamp")
                          && !p.Key.StartsWith("odata.", StringComparison.Ordinal));

    private static long Json(string s)
    {
        long bytes = 2;
        foreach (var c in s)
        {
            bytes += c switch
            {
                '\\' => 2,
                '"' or '<' or '>' or '&' or '\'' or '+' or '`' => 6,
                >= ' ' and <= '~' => 1,
                _ => 6,
            };
        }

        return bytes;
    }

    private static void Require(bool ok, string problem)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Table Storage would refuse this write: {problem}.");
        }
    }
}
