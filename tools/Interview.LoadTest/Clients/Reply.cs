using System.Text.Json.Nodes;

namespace Interview.LoadTest.Clients;

/// <summary>
/// The final answer to one logical request after its retries. <see cref="Status"/> is 0 when no answer came back before the
/// deadline (the request's outcome is then unknown to the client).
/// </summary>
public sealed record Reply(
    int Status, string? Code, JsonNode? Body, int Attempts, double FirstAttemptMs, double TotalMs, string? LastError, int Resets = 0)
{
    public bool Ok => Status is >= 200 and < 300;

    /// <summary>The server may or may not have committed it: no answer, or an error that says nothing was saved only by
    /// convention.</summary>
    public bool OutcomeUnknown => Status is 0 or >= 500;

    public string Describe() => Status == 0 ? $"no answer ({LastError})" : $"HTTP {Status} {Code}".TrimEnd();
}
