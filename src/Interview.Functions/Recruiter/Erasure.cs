using Interview.Core.Agent;
using Interview.Core.Evaluation;
using Interview.Core.Recruiting;
using Interview.Core.Sessions;
using Microsoft.DurableTask.Client;
using Interview.Core.Speech;
using Interview.Functions.Candidates;
using Interview.Functions.Evaluation;
using Interview.Functions.Http;
using Interview.Functions.Webhooks;

namespace Interview.Functions.Recruiter;

/// <summary>
/// Erases an interview on request (or at the end of its retention), in an order that holds whenever it is cut short:
/// its list entry is marked erasing (hidden, and found again by <see cref="Retention.FinishErasuresAsync"/>), then the
/// interview becomes a tombstone (no token can start or answer it again, no turn, end or report can commit to it), its
/// evaluations are stopped and their history purged, then its rows (turns, idempotency records, reports, reviews), its
/// blobs (recordings, the interviewer's lines to the candidate), its list entry, a request for another way to interview,
/// what the candidate told for the adverse-impact report and what webhooks sent about it go, and trackers get
/// <c>interview.erased</c>. Repeatable.
/// </summary>
public sealed partial class Erasure(ISessionStore sessions, IAudioStore audio, IInterviewIndex index, TableWebhookStore webhooks,
    TableAlternativeRequests alternatives, TableDemographics demographics, HiringEvents events, TimeProvider clock,
    ILogger<Erasure> logger)
{
    public async Task EraseAsync(DurableTaskClient client, string interviewId, CancellationToken ct)
    {
        await index.MarkErasingAsync(interviewId, ct);
        var asked = await sessions.TombstoneAsync(interviewId, ct);
        // Every version the interview asked for, and any beyond that exists (scheduled as the tombstone was written).
        var versions = 0;
        for (var version = 1; ; version++)
        {
            var instance = EvaluationRequest.InstanceIdFor(interviewId, version);
            if (await client.GetInstanceAsync(instance, ct) is not { } found)
            {
                if (version > asked)
                {
                    break;
                }

                continue;
            }

            if (!found.IsCompleted)
            {
                await client.TerminateInstanceAsync(instance, "The interview was erased.", ct);
            }

            await client.PurgeInstanceAsync(instance, cancellation: ct);
            versions++;
        }

        await sessions.EraseAsync(interviewId, ct);
        await audio.DeleteInterviewAsync(interviewId, ct);
        await index.RemoveAsync(interviewId, ct);
        await alternatives.DeleteAsync(interviewId, ct);
        await demographics.DeleteAsync(interviewId, ct);
        // What was sent about it goes too; trackers then hear it was erased, which is all that is kept of it.
        await webhooks.ForgetInterviewAsync(interviewId, ct);
        await events.PublishAsync(client, HiringEvent.ErasedOf(interviewId, clock.GetUtcNow()));
        Log.Erased(logger, interviewId, versions);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Interview {InterviewId} erased, with {Evaluations} evaluation histories")]
        public static partial void Erased(ILogger logger, string interviewId, int evaluations);
    }
}
