using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Interview.Core.Domain;
using Interview.Core.Plans;
using Interview.Core.Sessions;

namespace Interview.Functions.Storage;

/// <summary>
/// The table layout: one partition per interview holding a header row ("h"), one row per utterance ("t000000", in order) and one row per
/// idempotency key ("i" + key hash). Lists go in as JSON because Table Storage has no array type. Every JSON value and every utterance goes
/// in as a <see cref="LongString"/>, so no property can pass 32K characters; what keeps each entity under 1 MiB is that every list in the
/// state is bounded (docs/storage-notes.md).
/// </summary>
internal static class SessionEntities
{
    public const string HeaderKey = "h";
    public const string TurnPrefix = "t";
    public const string TurnUpperBound = "u";
    public const string IdempotencyPrefix = "i";

    public static string TurnKey(int index) => $"{TurnPrefix}{index:D6}";

    public static string IdempotencyKey(string key) =>
        IdempotencyPrefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..40];

    /// <summary>
    /// What an erased interview leaves in place of its header: when, and the evaluation versions to purge. Nothing personal.
    /// </summary>
    public static TableEntity Tombstone(string interviewId, int evaluationVersion, DateTimeOffset erasedAt) => new(interviewId, HeaderKey)
    {
        ["ErasedAt"] = erasedAt,
        ["EvaluationVersion"] = evaluationVersion,
    };

    public static bool IsTombstone(TableEntity header) => header.ContainsKey("ErasedAt");

    public static TableEntity Header(SessionState s)
    {
        var e = new TableEntity(s.InterviewId, HeaderKey)
        {
            ["Status"] = s.Status.ToString(),
            ["Phase"] = s.CurrentPhase,
            ["QuestionsAsked"] = s.QuestionsAsked,
            ["TurnCount"] = s.ConversationHistory.Count,
            ["StartedAt"] = new DateTimeOffset(s.StartedAt),
            ["LastUpdated"] = new DateTimeOffset(s.LastUpdated),
            ["PlanId"] = s.PlanId,
            ["Role"] = s.Role,
            ["CandidateName"] = s.CandidateName,
            ["EvaluationVersion"] = s.EvaluationVersion,
            ["PlanVersion"] = s.PlanVersion,
            ["SilenceSeconds"] = s.SilenceSeconds,
        };
        StoredJson.Put(e, "Topics", s.TopicsCovered);
        StoredJson.Put(e, "Insights", s.Insights);
        StoredJson.Put(e, "Progress", s.Progress);
        StoredJson.Put(e, "Usage", s.Usage);
        StoredJson.Put(e, "CandidateQuestions", s.CandidateQuestions);
        return e;
    }

    public static SessionState ReadHeader(TableEntity e, IReadOnlyList<ConversationTurn> history) => new(
        e.PartitionKey,
        e.GetString("Phase"),
        history,
        Deserialize<List<string>>(e, "Topics"),
        Deserialize<List<string>>(e, "Insights"),
        e.GetInt32("QuestionsAsked") ?? 0,
        e.GetDateTimeOffset("StartedAt")!.Value.UtcDateTime,
        e.GetDateTimeOffset("LastUpdated")!.Value.UtcDateTime,
        Enum.Parse<SessionStatus>(e.GetString("Status")),
        e.GetString("PlanId"),
        e.GetString("Role"),
        e.GetString("CandidateName"),
        Deserialize<InterviewProgress>(e, "Progress"))
    {
        Usage = StoredJson.Get<ModelUsage>(e, "Usage") ?? ModelUsage.None,
        EvaluationVersion = e.GetInt32("EvaluationVersion") ?? 0,
        PlanVersion = e.GetInt32("PlanVersion") ?? 0,
        CandidateQuestions = StoredJson.Get<List<CandidateQuestion>>(e, "CandidateQuestions") ?? [],
        SilenceSeconds = e.GetInt32("SilenceSeconds") ?? InterviewPlan.DefaultSilenceSeconds,
    };

    public static TableEntity Turn(string interviewId, int index, ConversationTurn t)
    {
        var e = new TableEntity(interviewId, TurnKey(index))
        {
            ["Role"] = t.Role,
            ["AudioRef"] = t.AudioRef,
            ["At"] = new DateTimeOffset(t.Timestamp),
            ["Phase"] = t.Phase,
            ["ActionType"] = t.ActionType?.ToString(),
            ["Confidence"] = t.Confidence,
            ["InterruptedAtMs"] = t.InterruptedAt?.AtMs,
            ["HeardChars"] = t.InterruptedAt?.HeardChars,
        };
        LongString.Put(e, "Content", t.Content); // a long spoken answer's transcript is bounded by time, not characters
        return e;
    }

    public static ConversationTurn ReadTurn(TableEntity e) => new(
        e.GetString("Role"),
        LongString.Get(e, "Content") ?? "",
        e.GetString("AudioRef"),
        e.GetDateTimeOffset("At")!.Value.UtcDateTime,
        e.GetString("Phase"),
        e.GetString("ActionType") is { } a ? Enum.Parse<ActionType>(a) : null,
        e.GetDouble("Confidence"),
        e.GetInt32("InterruptedAtMs") is { } atMs ? new Interruption(atMs, e.GetInt32("HeardChars")) : null);

    /// <summary>The answer a turn gave, with the header as it was then; the history is the first HistoryCount turns.</summary>
    public static TableEntity Idempotency(string interviewId, IdempotencyRecord r)
    {
        var e = new TableEntity(interviewId, IdempotencyKey(r.Key))
        {
            ["Fingerprint"] = r.Fingerprint,
            ["HistoryCount"] = r.Outcome.State.ConversationHistory.Count,
        };
        StoredJson.Put(e, "Response", r.Outcome.Response);
        StoredJson.Put(e, "Header", r.Outcome.State with { ConversationHistory = [] });
        StoredJson.Put(e, "Timings", r.Outcome.Timings);
        return e;
    }

    public static IdempotencyRecord ReadIdempotency(TableEntity e, string key, IReadOnlyList<ConversationTurn> history)
    {
        var header = Deserialize<SessionState>(e, "Header");
        var state = header with { ConversationHistory = history.Take(e.GetInt32("HistoryCount") ?? 0).ToList() };
        var timings = StoredJson.Get<TurnTimings>(e, "Timings") ?? TurnTimings.None;
        return new IdempotencyRecord(key, e.GetString("Fingerprint"),
            new TurnOutcome(Deserialize<AgentResponse>(e, "Response"), state, timings));
    }

    private static T Deserialize<T>(TableEntity e, string property) =>
        StoredJson.Get<T>(e, property)
        ?? throw new InvalidDataException($"Entity {e.PartitionKey}/{e.RowKey} has no {property}.");
}
