namespace Interview.Functions.Storage;

/// <summary>
/// Start-up gave up on storage: which endpoint, the last reason, and for how long it tried (Hosting/StartupFailure words it).
/// </summary>
public sealed class StorageUnreachableException(Uri endpoint, string reason, bool refused, TimeSpan waited, Exception inner)
    : Exception($"Storage at {endpoint} is unreachable after {waited.TotalSeconds:F0} s: {reason}", inner)
{
    /// <summary>The service URL, without credentials (a connection string's key never appears in it).</summary>
    public Uri Endpoint { get; } = endpoint;

    public string Reason { get; } = reason;

    /// <summary>Nothing listens there: the connection was refused rather than answered or timed out.</summary>
    public bool Refused { get; } = refused;

    public TimeSpan Waited { get; } = waited;
}
