namespace Interview.Core.Domain;

/// <summary>
/// Model calls made for an interview: how many, tokens in and out, time spent, and turns that fell back to the rules brain.
/// </summary>
public sealed record ModelUsage(int Calls, long InputTokens, long OutputTokens, long LatencyMs, int Fallbacks)
{
    public static ModelUsage None { get; } = new(0, 0, 0, 0, 0);

    public ModelUsage Add(ModelUsage other) => new(
        Calls + other.Calls, InputTokens + other.InputTokens, OutputTokens + other.OutputTokens, LatencyMs + other.LatencyMs, Fallbacks
            + other.Fallbacks);
}
