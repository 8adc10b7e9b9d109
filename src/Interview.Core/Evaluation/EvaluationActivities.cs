using Interview.Core.Domain;
using Interview.Core.Plans;
using Interview.Core.Recruiting;
using Interview.Core.Sessions;
using Microsoft.DurableTask;

namespace Interview.Core.Evaluation;

// The evaluation's three steps. Each is an activity for the Durable Task SDK worker (standalone) and is called by a
// thin [ActivityTrigger] under the Functions host, through the same public method. All are idempotent: they read the
// ended interview, which no longer changes, and the report is written under its version.

/// <summary>Finds the interview, checks it is over, and names its plan's competencies.</summary>
public sealed class LoadInterviewActivity(ISessionStore sessions, PlanLibrary plans) : TaskActivity<EvaluationRequest, InterviewSnapshot>
{
    public override Task<InterviewSnapshot> RunAsync(TaskActivityContext context, EvaluationRequest input)
        => LoadAsync(input, CancellationToken.None);

    public async Task<InterviewSnapshot> LoadAsync(EvaluationRequest input, CancellationToken ct)
    {
        var state = await EndedInterviews.StateAsync(sessions, input.InterviewId, ct);
        if (state.Status == SessionStatus.Active)
        {
            throw new EvaluationNotPossibleException($"Interview {input.InterviewId} is still running.");
        }

        var plan = await plans.GetAsync(state.PlanId, state.PlanVersion, ct);
        return new InterviewSnapshot(plan.Id, plan.Competencies.Select(c => c.Name).ToList(), state.ConversationHistory.Count,
            state.PlanVersion);
    }
}

/// <summary>Scores one competency and keeps only the citations the transcript really holds.</summary>
public sealed class ScoreCompetencyActivity(ISessionStore sessions, PlanLibrary plans, ICompetencyEvaluator evaluator)
    : TaskActivity<ScoreRequest, CompetencyScore>
{
    public override Task<CompetencyScore> RunAsync(TaskActivityContext context, ScoreRequest input)
        => ScoreAsync(input, CancellationToken.None);

    public async Task<CompetencyScore> ScoreAsync(ScoreRequest input, CancellationToken ct)
    {
        var transcript = await EndedInterviews.LoadAsync(sessions, input.Evaluation.InterviewId, input.Snapshot, ct);
        var plan = await plans.GetAsync(input.Snapshot.PlanId, input.Snapshot.PlanVersion, ct);
        var competency = plan.Competencies.Single(c => c.Name == input.Competency);
        return CitationCheck.Validate(await evaluator.ScoreAsync(plan, competency, transcript, ct), transcript);
    }
}

/// <summary>Builds the report from the scores, stores it under its version, and puts its score on the interviews list.</summary>
public sealed class StoreReportActivity(ISessionStore sessions, IEvaluationStore reports, ICompetencyEvaluator evaluator,
    IInterviewIndex index)
    : TaskActivity<ReportRequest, OverallAssessment>
{
    public override Task<OverallAssessment> RunAsync(TaskActivityContext context, ReportRequest input)
        => StoreAsync(input, CancellationToken.None);

    public async Task<OverallAssessment> StoreAsync(ReportRequest input, CancellationToken ct)
    {
        var state = await EndedInterviews.StateAsync(sessions, input.Evaluation.InterviewId, ct);
        var transcript = state.ConversationHistory.Take(input.Snapshot.Utterances).ToList();
        var report = ReportBuilder.Build(input.Evaluation.InterviewId, input.Evaluation.Version, input.Scores, transcript, evaluator,
            input.CreatedAt);
        await reports.SaveAsync(report, ct);
        await index.RecordAsync(state, new IndexedScore(report.Overall.Score, report.Overall.Recommendation), ct);
        return report.Overall;
    }
}

internal static class EndedInterviews
{
    public static async Task<SessionState> StateAsync(ISessionStore sessions, string interviewId, CancellationToken ct) =>
        (await sessions.LoadAsync(interviewId, null, ct))?.State
        ?? throw new EvaluationNotPossibleException($"Interview {interviewId} has no stored session.");

    /// <summary>The utterances the snapshot counted: the same transcript for every step, whenever it runs.</summary>
    public static async Task<IReadOnlyList<ConversationTurn>> LoadAsync(ISessionStore sessions, string interviewId,
        InterviewSnapshot snapshot, CancellationToken ct) =>
        (await StateAsync(sessions, interviewId, ct)).ConversationHistory.Take(snapshot.Utterances).ToList();
}
