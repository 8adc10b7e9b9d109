using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Recruiting;

namespace Interview.Functions.Webhooks;

/// <summary>
/// Something a hiring team's tracker wants to hear about, once it happened (after the commit). The body holds ids and what a
/// tracker needs, never the transcript or the candidate's name. <paramref name="Occurrence"/> tells two events of one type and
/// interview apart (an evaluation's version, a review's time): the same occurrence always has the same <see cref="MessageId"/>,
/// so publishing it twice delivers it once.
/// </summary>
public sealed record HiringEvent(string Type, string InterviewId, string Occurrence, DateTimeOffset At, JsonObject Data)
{
    public const string Started = "interview.started";
    public const string Ended = "interview.ended";
    public const string EvaluationCompleted = "evaluation.completed";
    public const string ReviewRecorded = "review.recorded";
    public const string Erased = "interview.erased";
    public const string AlternativeRequested = "alternative.requested";

    public static readonly IReadOnlyList<string> Types =
        [Started, Ended, EvaluationCompleted, ReviewRecorded, Erased, AlternativeRequested];

    /// <summary>The Standard Webhooks <c>webhook-id</c>: derived from the occurrence, the same on every delivery of it.</summary>
    public string MessageId => "msg_" + Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes($"{Type}\n{InterviewId}\n{Occurrence}")))[..32];

    /// <summary><c>{"type", "timestamp", "data": {"interview_id", ...}}</c>, the shape Standard Webhooks recommends.</summary>
    public string Body()
    {
        var data = new JsonObject { ["interview_id"] = InterviewId };
        foreach (var (name, value) in Data)
        {
            data[name] = value?.DeepClone();
        }

        return new JsonObject { ["type"] = Type, ["timestamp"] = At.UtcDateTime.ToString("O"), ["data"] = data }.ToJsonString();
    }

    public static HiringEvent StartedOf(SessionState state) => new(Started, state.InterviewId, "", Utc(state.StartedAt),
        new JsonObject { ["plan_id"] = state.PlanId, ["plan_version"] = state.PlanVersion });

    public static HiringEvent EndedOf(SessionState state) => new(Ended, state.InterviewId, "", Utc(state.LastUpdated),
        new JsonObject
        {
            ["plan_id"] = state.PlanId,
            ["status"] = state.Status.ToString().ToLowerInvariant(),
            ["questions_asked"] = state.QuestionsAsked,
            ["evaluation_version"] = state.EvaluationVersion,
        });

    public static HiringEvent EvaluationCompletedOf(string interviewId, int version, OverallAssessment overall, DateTimeOffset at) =>
        new(EvaluationCompleted, interviewId, $"v{version}", at, new JsonObject
        {
            ["version"] = version,
            ["score"] = overall.Score,
            ["recommendation"] = overall.Recommendation,
        });

    public static HiringEvent ReviewRecordedOf(string interviewId, RecordedReview recorded) =>
        new(ReviewRecorded, interviewId, recorded.At.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), Utc(recorded.At),
            new JsonObject
            {
                ["decision"] = recorded.Review.Decision,
                ["evaluation_version"] = recorded.EvaluationVersion,
                ["overrides"] = recorded.Review.Overrides.Count,
                ["reviewer"] = recorded.Review.Reviewer,
            });

    public static HiringEvent ErasedOf(string interviewId, DateTimeOffset at) => new(Erased, interviewId, "", at, []);

    public static HiringEvent AlternativeRequestedOf(string interviewId, DateTimeOffset at) =>
        new(AlternativeRequested, interviewId, "", at, []);

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
