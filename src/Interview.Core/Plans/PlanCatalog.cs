using System.Reflection;

namespace Interview.Core.Plans;

/// <summary>The interview plans shipped as embedded JSON resources (Plans/*.json), validated once at start-up.</summary>
public sealed class PlanCatalog
{
    public const string DefaultPlanId = "software-engineer";
    private const string ResourcePrefix = "Interview.Plans.";

    private readonly Dictionary<string, InterviewPlan> _plans;

    public PlanCatalog(IEnumerable<InterviewPlan> plans)
    {
        _plans = plans.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var plan in _plans.Values)
        {
            Validate(plan);
        }
    }

    public IReadOnlyCollection<string> Ids => _plans.Keys;

    public IEnumerable<InterviewPlan> Plans => _plans.Values.OrderBy(p => p.Id, StringComparer.Ordinal);

    public static PlanCatalog LoadEmbedded()
    {
        var assembly = typeof(PlanCatalog).Assembly;
        var plans = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => Read(assembly, n));
        return new PlanCatalog(plans);
    }

    public bool TryGet(string id, out InterviewPlan plan) => _plans.TryGetValue(id, out plan!);

    public InterviewPlan Get(string id) =>
        _plans.TryGetValue(id, out var plan) ? plan : throw new KeyNotFoundException($"No interview plan '{id}'.");

    private static InterviewPlan Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        return PlanJson.Read(stream);
    }

    // A broken plan should stop start-up, not surface as a strange interview.
    private static void Validate(InterviewPlan plan)
    {
        var problems = PlanRules.Problems(plan);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"Plan '{plan.Id}': {string.Join("; ", problems)}.");
        }
    }
}
