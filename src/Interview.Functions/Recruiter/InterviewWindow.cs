using System.Globalization;
using Interview.Core.Plans;
using Interview.Core.Sessions;

namespace Interview.Functions.Recruiter;

/// <summary>
/// The interviews a recruiter report covers, from its query: <c>?plan_id=&amp;from=&amp;to=</c>, dates or UTC times of the
/// interviews' start, <c>to</c> excluded. Read from the list a page at a time, newest first, at most
/// <see cref="MostInterviews"/>.
/// </summary>
public sealed record InterviewWindow(string? PlanId, DateTime? From, DateTime? To)
{
    public const int MostInterviews = 5000;

    public const string Rule = "plan_id is a plan id; from and to are dates (2026-01-31) or UTC times, to excluded.";

    /// <summary>The window the query asks for, or null when it is not one.</summary>
    public static InterviewWindow? Of(IQueryCollection query)
    {
        string? planId = query["plan_id"];
        var (from, fromOk) = Date(query["from"]);
        var (to, toOk) = Date(query["to"]);
        return planId is not null && !PlanRules.IsPlanId(planId) || !fromOk || !toOk ? null : new InterviewWindow(planId, from, to);
    }

    public async IAsyncEnumerable<IndexEntry> EntriesAsync(
        IInterviewIndex index, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? continuation = null;
        var seen = 0;
        do
        {
            var page = await index.ListAsync(null, PlanId, continuation, 200, ct);
            foreach (var entry in page.Items.Take(MostInterviews - seen))
            {
                seen++;
                if (entry.StartedAt >= (From ?? DateTime.MinValue) && entry.StartedAt < (To ?? DateTime.MaxValue))
                {
                    yield return entry;
                }
            }

            continuation = page.Continuation;
        }
        while (continuation is not null && seen < MostInterviews);
    }

    private static (DateTime? Value, bool Valid) Date(string? text) =>
        text is null ? (null, true)
        : DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
            out var at) ? (at, true) : (null, false);
}
