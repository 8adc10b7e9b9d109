using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Sessions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Interview.Functions.Durable;
using Interview.Functions.Http;
using Interview.Functions.Startup;

namespace Interview.Functions.Evaluation;

/// <summary>
/// Starts evaluation orchestrations and reads where they are, through the Durable client the function edge holds
/// ([DurableClient] under the Functions host; the twin's client on a laptop). Version n of an interview is instance
/// "{interview_id}-v{n}"; starting it again is a no-op, so a conclusion, a DELETE and every repeat make one evaluation.
/// </summary>
public sealed partial class Evaluations(IEvaluationStore reports, ISessionStore sessions, TimeProvider clock, StartupWork work,
    ILogger<Evaluations> logger)
{
    /// <summary>Running without any progress for this long is reported as stalled.</summary>
    public static readonly TimeSpan StalledAfter = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Schedules the version the committed end asked for, unless it exists. Never fails the request that ended the
    /// interview: if this cannot reach the engine, the next read of the report (or a repeated DELETE) schedules it.
    /// </summary>
    public async Task StartAsync(DurableTaskClient client, SessionState ended, CancellationToken ct)
    {
        if (ended.Status == SessionStatus.Active || ended.EvaluationVersion < 1)
        {
            return;
        }

        var request = new EvaluationRequest(ended.InterviewId, ended.EvaluationVersion);
        try
        {
            await ScheduleAsync(client, request, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            Log.ScheduleFailed(logger, ex, request.InstanceId);
        }
    }

    /// <summary>The report of <paramref name="version"/> (the latest asked for when null), or where its orchestration stands.</summary>
    public async Task<EvaluationView> ReadAsync(DurableTaskClient client, SessionState state, int? version, CancellationToken ct)
    {
        var wanted = version ?? state.EvaluationVersion;
        if (wanted < 1 || wanted > state.EvaluationVersion)
        {
            return EvaluationView.None;
        }

        if (await reports.GetAsync(state.InterviewId, wanted, ct) is { } report)
        {
            return new EvaluationView(report, null);
        }

        var request = new EvaluationRequest(state.InterviewId, wanted);
        await work.WhenReady(StartupWork.EvaluationEngine).WaitAsync(ct);
        var instance = await client.GetInstanceAsync(request.InstanceId, getInputsAndOutputs: true, ct);
        if (instance is null)
        {
            // Asked for but never scheduled: the process died between the end's commit and the scheduling.
            Log.Repaired(logger, request.InstanceId);
            await ScheduleAsync(client, request, ct);
            return new EvaluationView(null, Status(request, EvaluationStatus.Pending, null, null, clock.GetUtcNow()));
        }

        var progress = instance.ReadCustomStatusAs<EvaluationProgress>();
        return instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated =>
                new EvaluationView(null,
                    Status(request, EvaluationStatus.Failed, FailureReason(instance), progress, instance.LastUpdatedAt)),
            OrchestrationRuntimeStatus.Completed =>
                new EvaluationView(null, Status(request, EvaluationStatus.Failed, "The evaluation finished but its report is " +
                    "missing.", progress, instance.LastUpdatedAt)),
            OrchestrationRuntimeStatus.Pending =>
                new EvaluationView(null, Status(request, EvaluationStatus.Pending, null, progress, instance.LastUpdatedAt)),
            _ => new EvaluationView(null, Status(request, EvaluationStatus.Running, Stalled(instance), progress, instance.LastUpdatedAt)),
        };
    }

    private async Task ScheduleAsync(DurableTaskClient client, EvaluationRequest request, CancellationToken ct)
    {
        await work.WhenReady(StartupWork.EvaluationEngine).WaitAsync(ct);
        // Nothing is scheduled for an erased interview (its tombstone loads as nothing), nor twice for one version.
        if (await sessions.LoadAsync(request.InterviewId, null, ct) is not null
            && await client.StartOnceAsync(nameof(EvaluationOrchestrator), request, request.InstanceId, ct))
        {
            Log.Scheduled(logger, request.InstanceId);
        }
    }

    private string? Stalled(OrchestrationMetadata instance) =>
        clock.GetUtcNow() - instance.LastUpdatedAt > StalledAfter
            ? $"No progress since {instance.LastUpdatedAt:u}: the evaluation may be stuck (instance {instance.InstanceId})."
            : null;

    // The twin's sidecar keeps the failure as the output text; the Functions host gives failure details.
    private static string FailureReason(OrchestrationMetadata instance) =>
        instance.FailureDetails?.ErrorMessage ?? instance.SerializedOutput?.Trim('"')
            ?? $"The evaluation {instance.RuntimeStatus.ToString().ToLowerInvariant()}.";

    private static EvaluationStatusDto Status(EvaluationRequest request, string status, string? reason, EvaluationProgress? progress,
        DateTimeOffset updated) =>
        new(request.InterviewId, request.Version, status, reason, progress, request.InstanceId, updated);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Evaluation {InstanceId} scheduled")]
        public static partial void Scheduled(ILogger logger, string instanceId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluation {InstanceId} was asked for but never scheduled; scheduling it now")]
        public static partial void Repaired(ILogger logger, string instanceId);

        [LoggerMessage(Level = LogLevel.Error,
            Message = "Evaluation {InstanceId} could not be scheduled; the next read of its report or a repeated DELETE schedules it")]
        public static partial void ScheduleFailed(ILogger logger, Exception exception, string instanceId);
    }
}

/// <summary>A finished report, or where the evaluation stands; both null when no such version was asked for.</summary>
public sealed record EvaluationView(EvaluationReport? Report, EvaluationStatusDto? Status)
{
    public static EvaluationView None { get; } = new(null, null);
}

/// <summary>
/// An evaluation that has no report (yet): <c>pending</c>, <c>running</c> (with progress) or <c>failed</c> (with the reason).
/// <paramref name="Reason"/> on a running one says it looks stalled.
/// </summary>
public sealed record EvaluationStatusDto(
    string InterviewId, int Version, string Status, string? Reason, EvaluationProgress? Progress, string InstanceId,
        DateTimeOffset UpdatedAt);
