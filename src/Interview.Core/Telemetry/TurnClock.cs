using System.Diagnostics;
using Interview.Core.Domain;

namespace Interview.Core.Telemetry;

/// <summary>
/// The stages of one turn, each timed where it happens and traced as a child span of the turn:
/// <c>using (clock.Stage(TurnStage.Stt)) { ... }</c>. <see cref="Timings"/> reads what was measured so far.
/// </summary>
public sealed class TurnClock(string interviewId)
{
    private readonly long[] _elapsed = new long[4];

    public TurnTimings Timings => new(_elapsed[0], _elapsed[1], _elapsed[2], _elapsed[3]);

    public Measurement Stage(TurnStage stage) => new(this, stage, TurnTracing.Start(stage.ToString().ToLowerInvariant(), interviewId));

    public readonly struct Measurement(TurnClock clock, TurnStage stage, Activity? span) : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();

        public void Dispose()
        {
            Interlocked.Add(ref clock._elapsed[(int)stage], (long)Stopwatch.GetElapsedTime(_started).TotalMilliseconds);
            span?.Dispose();
        }
    }
}

public enum TurnStage
{
    Stt,
    Brain,
    Tts,
    Store,
}
