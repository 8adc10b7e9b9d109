using System.Collections.Concurrent;

namespace Interview.Core.Plans;

/// <summary>A plan at the version an interview pinned: 0 for a built-in plan, 1 and up for a stored one.</summary>
public sealed record PinnedPlan(InterviewPlan Plan, int Version);

/// <summary>A plan as the recruiter's list shows it.</summary>
public sealed record PlanListing(string PlanId, string Role, string Source, int LatestVersion)
{
    public const string BuiltIn = "built_in";
    public const string Stored = "stored";
}

/// <summary>Plans recruiters saved, versioned: a version once written never changes.</summary>
public interface IPlanStore
{
    /// <summary>The given version, or the latest when <paramref name="version"/> is null.</summary>
    Task<PinnedPlan?> GetAsync(string planId, int? version, CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="plan"/> as the next version of its id and returns that version.</summary>
    Task<int> AddAsync(InterviewPlan plan, CancellationToken cancellationToken);

    Task<IReadOnlyList<PlanListing>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Every plan an interview can follow: the built-in ones shipped with the app (version 0, their ids reserved) and the
/// ones recruiters saved. Versions never change once written, so each is read from storage once per process.
/// </summary>
public sealed class PlanLibrary(PlanCatalog builtIn, IPlanStore stored)
{
    private readonly ConcurrentDictionary<(string, int), PinnedPlan> _versions = new();

    public bool IsBuiltIn(string planId) => builtIn.TryGet(planId, out _);

    /// <summary>The plan at <paramref name="version"/>, or its latest when null; null when there is no such plan or version.</summary>
    public async Task<PinnedPlan?> FindAsync(string planId, int? version, CancellationToken ct)
    {
        if (builtIn.TryGet(planId, out var shipped))
        {
            return version is null or 0 ? new PinnedPlan(shipped, 0) : null;
        }

        if (version is { } v && _versions.TryGetValue((planId, v), out var cached))
        {
            return cached;
        }

        var found = await stored.GetAsync(planId, version, ct);
        return found is null ? null : _versions.GetOrAdd((planId, found.Version), found);
    }

    /// <summary>The plan an interview pinned: it exists, for the interview was started with it.</summary>
    public async Task<InterviewPlan> GetAsync(string planId, int version, CancellationToken ct) =>
        (await FindAsync(planId, version, ct))?.Plan ?? throw new KeyNotFoundException($"No interview plan '{planId}' version {version}.");

    public async Task<IReadOnlyList<PlanListing>> ListAsync(CancellationToken ct) =>
        [.. builtIn.Plans.Select(p => new PlanListing(p.Id, p.Role, PlanListing.BuiltIn, 0)), .. await stored.ListAsync(ct)];
}
