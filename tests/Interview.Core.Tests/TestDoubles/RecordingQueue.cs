using Interview.Core.Evaluation;

namespace Interview.Core.Tests.TestDoubles;

/// <summary>Remembers every message it was given, in order.</summary>
internal sealed class RecordingQueue : IEvaluationQueue
{
    public List<(string InterviewId, int Version)> Messages { get; } = [];

    public Task EnqueueAsync(string interviewId, int version, CancellationToken cancellationToken)
    {
        Messages.Add((interviewId, version));
        return Task.CompletedTask;
    }
}
