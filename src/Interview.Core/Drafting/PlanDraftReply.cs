using System.Text.Json;
using Interview.Core.Plans;

namespace Interview.Core.Drafting;

/// <summary>
/// Reads a model's plan draft, or says why it cannot: not JSON, not a plan, or a plan <see cref="PlanRules"/> refuses.
/// The recruiter's role wins over the model's reading of the posting; locale and voice are left at the plan's defaults.
/// </summary>
public static class PlanDraftReply
{
    private const int MaxProblemsQuoted = 5;

    public static bool TryParse(string? json, DraftRequest request, out InterviewPlan? plan, out string error)
    {
        ArgumentNullException.ThrowIfNull(request);
        plan = null;
        InterviewPlan parsed;
        try
        {
            parsed = PlanJson.Parse(json ?? "");
        }
        catch (JsonException ex)
        {
            error = $"reply was not a plan: {ex.Message}";
            return false;
        }

        parsed = parsed with { Role = request.Role ?? parsed.Role, Locale = "en-US", Voice = null };
        var problems = PlanRules.Problems(parsed);
        if (problems.Count > 0)
        {
            error = $"the plan has {problems.Count} problem(s): {string.Join("; ", problems.Take(MaxProblemsQuoted))}";
            return false;
        }

        (plan, error) = (parsed, "");
        return true;
    }
}
