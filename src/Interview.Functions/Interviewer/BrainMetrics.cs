using System.Diagnostics.Metrics;

namespace Interview.Functions.Interviewer;

/// <summary>Model accounting as OpenTelemetry-ready metrics (meter "Interview.Brain").</summary>
public sealed class BrainMetrics
{
    public const string MeterName = "Interview.Brain";

    private readonly Counter<long> _tokens;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _fallbacks;

    public BrainMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _tokens = meter.CreateCounter<long>("interview.model.tokens", "{token}", "Tokens sent to and received from the model");
        _duration = meter.CreateHistogram<double>("interview.model.call.duration", "ms", "Latency of one model call");
        _fallbacks = meter.CreateCounter<long>("interview.model.fallbacks", "{turn}",
            "Turns answered by the rules brain because the model failed");
    }

    public void Call(string outcome, double milliseconds, long inputTokens, long outputTokens)
    {
        _duration.Record(milliseconds, new KeyValuePair<string, object?>("outcome", outcome));
        _tokens.Add(inputTokens, new KeyValuePair<string, object?>("direction", "input"));
        _tokens.Add(outputTokens, new KeyValuePair<string, object?>("direction", "output"));
    }

    public void Fallback(string reason) => _fallbacks.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
