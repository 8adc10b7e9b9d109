using System.Collections.Concurrent;
using Interview.Core.Plans;

namespace Interview.Core.Tests.TestDoubles;

/// <summary>The built-in plans and, in memory, whatever a test saves.</summary>
internal static class TestPlanLibrary
{
    public static PlanLibrary Create(InMemoryPlanStore? stored = null)
        => new(PlanCatalog.LoadEmbedded(), stored ?? new InMemoryPlanStore());
}

internal sealed class InMemoryPlanStore : IPlanStore
{
    private readonly ConcurrentDictionary<string, List<InterviewPlan>> _plans = new();

    public Task<PinnedPlan?> GetAsync(string planId, int? version, CancellationToken cancellationToken)
    {
        if (!_plans.TryGetValue(planId, out var versions))
        {
            return Task.FromResult<PinnedPlan?>(null);
        }

        var v = version ?? versions.Count;
        return Task.FromResult(v >= 1 && v <= versions.Count ? new PinnedPlan(versions[v - 1], v) : null);
    }

    public Task<int> AddAsync(InterviewPlan plan, CancellationToken cancellationToken)
    {
        var versions = _plans.GetOrAdd(plan.Id, _ => []);
        versions.Add(plan);
        return Task.FromResult(versions.Count);
    }

    public Task<IReadOnlyList<PlanListing>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PlanListing>>([.. _plans.Select(p
            => new PlanListing(p.Key, p.Value[^1].Role, PlanListing.Stored, p.Value.Count))]);
}
