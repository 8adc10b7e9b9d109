using System.Diagnostics;

namespace Interview.Core.Telemetry;

/// <summary>
/// Spans for a turn: "turn" (or "start"/"end") with children "stt", "brain", "tts" and "store". Cheap when nobody
/// listens; exported to Azure Monitor by the host when Application Insights is configured.
/// </summary>
public static class TurnTracing
{
    public const string SourceName = "Interview.Turn";

    public static readonly ActivitySource Source = new(SourceName);

    public static Activity? Start(string name, string interviewId)
    {
        var activity = Source.StartActivity(name);
        activity?.SetTag("interview.id", interviewId);
        return activity;
    }
}
