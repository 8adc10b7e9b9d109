using System.Collections.Concurrent;
using Interview.Core.Plans;
using Interview.Core.Sessions;
using Microsoft.Extensions.Logging;

namespace Interview.Core.Evaluation;

/// <summary>
/// Runs one evaluation like an orchestration: load the transcript, score each competency (in parallel, bounded,
/// each result checkpointed the moment it exists), aggregate, store. Replaying a message skips finished
/// competencies, and a version already completed or failed is left alone, so a duplicate message produces one report.
/// </summary>
public sealed partial class EvaluationRunner(
    IEvaluationStore store, ISessionStore sessions, PlanCatalog plans, ICompetencyEvaluator evaluator, TimeProvider clock, ILogger<EvaluationRunner> logger)
{
    public const int MaxParallelCompetencies = 3;

    public async Task RunAsync(string interviewId, int version, CancellationToken ct)
    {
        var record = await store.GetAsync(interviewId, version, ct)
            ?? throw new InvalidOperationException($"No evaluation version {version} for interview {interviewId}.");
        if (record.Status is EvaluationStatus.Completed or EvaluationStatus.Failed)
        {
            Log.AlreadyDone(logger, interviewId, version, record.Status);
            return;
        }

        await store.SetStatusAsync(interviewId, version, EvaluationStatus.Running, null, ct);
        var session = await sessions.LoadAsync(interviewId, null, ct)
            ?? throw new InvalidOperationException($"Interview {interviewId} has no stored session.");
        var transcript = session.State.ConversationHistory;
        var plan = plans.Get(session.State.PlanId);

        var scores = new ConcurrentDictionary<string, CompetencyScore>(await store.CheckpointsAsync(interviewId, version, ct));
        var todo = plan.Competencies.Where(c => !scores.ContainsKey(c.Name)).ToList();
        Log.Running(logger, interviewId, version, todo.Count, scores.Count);
        await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelCompetencies, CancellationToken = ct }, async (competency, token) =>
        {
            var score = CitationCheck.Validate(await evaluator.ScoreAsync(plan, competency, transcript, token), transcript);
            await store.CheckpointAsync(interviewId, version, score, token);
            scores[competency.Name] = score;
        });

        var ordered = plan.Competencies.Select(c => scores[c.Name]).ToList();
        await store.CompleteAsync(ReportBuilder.Build(interviewId, version, ordered, transcript, evaluator, clock.GetUtcNow().UtcDateTime), ct);
        Log.Completed(logger, interviewId, version);
    }

    /// <summary>The last delivery failed too: record why, so the report endpoint shows it instead of "pending" forever.</summary>
    public Task GiveUpAsync(string interviewId, int version, string reason, CancellationToken ct) =>
        store.SetStatusAsync(interviewId, version, EvaluationStatus.Failed, reason, ct);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Evaluation {Version} of interview {InterviewId}: {Todo} competencies to score, {Done} from checkpoints")]
        public static partial void Running(ILogger logger, string interviewId, int version, int todo, int done);

        [LoggerMessage(Level = LogLevel.Information, Message = "Evaluation {Version} of interview {InterviewId} completed")]
        public static partial void Completed(ILogger logger, string interviewId, int version);

        [LoggerMessage(Level = LogLevel.Information, Message = "Evaluation {Version} of interview {InterviewId} is already {Status}; duplicate message ignored")]
        public static partial void AlreadyDone(ILogger logger, string interviewId, int version, string status);
    }
}
