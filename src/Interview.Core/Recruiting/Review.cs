using Interview.Core.Evaluation;

namespace Interview.Core.Recruiting;

/// <summary>
/// A person's decision on an evaluated interview, next to the AI's report and never written over it: the decision,
/// the competencies whose score they set differently and why, a note, and who they are. <see cref="Reviewer"/> is the
/// signed-in actor's name, set by the server: what a request body says there is ignored, so nobody can review as someone else.
/// </summary>
public sealed record Review(string Decision, IReadOnlyList<ScoreOverride> Overrides, string? Note, string? Reviewer)
{
    /// <summary>None when the body leaves them out: a decision alone is a review.</summary>
    public IReadOnlyList<ScoreOverride> Overrides { get; init; } = Overrides ?? [];

    public static readonly IReadOnlySet<string> Decisions = new HashSet<string>(StringComparer.Ordinal) { "advance", "hold", "reject" };

    /// <summary>Every reason this review cannot be recorded against <paramref name="report"/>; empty when it can.</summary>
    public IReadOnlyList<string> Problems(EvaluationReport report)
    {
        var problems = new List<string>();
        if (!Decisions.Contains(Decision ?? ""))
        {
            problems.Add("decision must be advance, hold or reject.");
        }

        if (Note is { Length: > 4000 })
        {
            problems.Add("note must be at most 4000 characters.");
        }

        var known = report.Competencies.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var o in Overrides)
        {
            if (!known.Contains(o.Competency ?? ""))
            {
                problems.Add($"overrides: '{o.Competency}' is not a competency of this evaluation ({string.Join(", ", known.Order())}).");
            }

            if (o.Score is < 1 or > 5)
            {
                problems.Add($"overrides: the score for '{o.Competency}' must be 1 to 5.");
            }

            if (string.IsNullOrWhiteSpace(o.Reason) || o.Reason.Length > 1000)
            {
                problems.Add($"overrides: the reason for '{o.Competency}' must be 1 to 1000 characters.");
            }
        }

        if (Overrides.GroupBy(o => o.Competency).Any(g => g.Count() > 1))
        {
            problems.Add("overrides: each competency at most once.");
        }

        return problems;
    }
}

public sealed record ScoreOverride(string Competency, int Score, string Reason);

/// <summary>A stored review: what was decided, about which evaluation version, when, and by whom (null: recorded before sign-in).</summary>
public sealed record RecordedReview(Review Review, int EvaluationVersion, DateTime At, Actor? ReviewedBy = null);
