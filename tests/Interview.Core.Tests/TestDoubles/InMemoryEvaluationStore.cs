using System.Collections.Concurrent;
using Interview.Core.Evaluation;

namespace Interview.Core.Tests.TestDoubles;

/// <summary>Reports by interview and version in memory, with the table store's contract: saving a version again replaces it.</summary>
internal sealed class InMemoryEvaluationStore : IEvaluationStore
{
    private readonly ConcurrentDictionary<(string, int), EvaluationReport> _reports = new();

    public int Saves { get; private set; }

    public Task<EvaluationReport?> GetAsync(string interviewId, int version, CancellationToken cancellationToken) =>
        Task.FromResult(_reports.TryGetValue((interviewId, version), out var r) ? r : null);

    public Task SaveAsync(EvaluationReport report, CancellationToken cancellationToken)
    {
        Saves++;
        _reports[(report.InterviewId, report.Version)] = report;
        return Task.CompletedTask;
    }
}
