using System.Text.Json.Nodes;
using Interview.LoadTest.Clients;

namespace Interview.LoadTest.Results;

public sealed record Verification(int Checked, int Exact, int Lost, int Duplicated, int Mismatched, int Unreadable, int InDoubtStored,
    IReadOnlyList<string> Samples)
{
    public bool Passed => Lost == 0 && Duplicated == 0 && Mismatched == 0 && Unreadable == 0;
}

/// <summary>
/// Reads every interview back and compares the stored conversation with what its client was shown: the greeting, then
/// each accepted answer followed by the reply the client accepted, in order. A lost turn is an accepted answer the store
/// lacks; a duplicated one is stored more than once; anything else out of place (an answer the client never sent,
/// another reply than the one accepted, a different order) is a mismatch.
/// </summary>
public static class Verifier
{
    public static async Task<Verification> VerifyAsync(IReadOnlyList<SimulatedInterview> interviews, ApiClient api, TimeSpan budget,
        CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + budget;
        var results = new Outcome[interviews.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, interviews.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, token) =>
        {
            var interview = interviews[i];
            if (interview.Seen.Count == 0)
            {
                results[i] = new Outcome(0, 0, 0, 0, 0, null); // never started: nothing was shown, nothing to compare
                return;
            }

            var state = await api.StateAsync(interview.Id, deadline, token);
            results[i] = state.Ok && state.Body?["conversation_history"] is JsonArray history
                ? Compare(interview, [.. history.Select(t => ((string)t!["role"]!, (string)t["content"]!))])
                : new Outcome(0, 0, 0, 1, 0, $"{interview.Id}: state unreadable ({state.Describe()})");
        });

        return new Verification(
            interviews.Count(i => i.Seen.Count > 0),
            interviews.Where((i, n) => i.Seen.Count > 0 && results[n].Sample is null).Count(),
            results.Sum(r => r.Lost), results.Sum(r => r.Duplicated), results.Sum(r => r.Mismatched), results.Sum(r => r.Unreadable),
            results.Sum(r => r.InDoubtStored), [.. results.Where(r => r.Sample is not null).Select(r => r.Sample!).Take(10)]);
    }

    private static Outcome Compare(SimulatedInterview interview, List<(string Role, string Content)> stored)
    {
        var seen = interview.Seen;
        if (stored.SequenceEqual(seen))
        {
            return new Outcome(0, 0, 0, 0, 0, null);
        }

        // The turn the client gave up on may have been committed: then it is the last answer and reply stored.
        if (interview.InDoubt is { } doubt && stored.Count == seen.Count + 2 && stored.Take(seen.Count).SequenceEqual(seen)
            && stored[seen.Count] == ("candidate", doubt) && stored[^1].Role == "interviewer")
        {
            return new Outcome(0, 0, 0, 0, 1, null);
        }

        var sent = seen.Where(t => t.Role == "candidate").Select(t => t.Content).ToList();
        var storedAnswers = stored.Where(t => t.Role == "candidate").Select(t => t.Content).ToList();
        var lost = sent.Count(a => !storedAnswers.Contains(a));
        var duplicated = sent.Sum(a => Math.Max(0, storedAnswers.Count(s => s == a) - 1));
        var strangers = storedAnswers.Count(s => !sent.Contains(s) && s != interview.InDoubt);
        var mismatched = strangers + (lost == 0 && duplicated == 0 && strangers == 0 ? 1 : 0);
        var at = Enumerable.Range(0, Math.Min(stored.Count, seen.Count)).FirstOrDefault(i => stored[i] != seen[i],
            Math.Min(stored.Count, seen.Count));
        var sample = $"{interview.Id}: stored {stored.Count} entries, client saw {seen.Count}; lost {lost}, duplicated {duplicated}, " +
                     $"mismatched {mismatched}; first difference at entry {at}: stored {Show(stored, at)} vs seen {Show(seen, at)}";
        return new Outcome(lost, duplicated, mismatched, 0, 0, sample);
    }

    private static string Show(List<(string Role, string Content)> list, int at) =>
        at < list.Count ? $"{list[at].Role} \"{(list[at].Content.Length > 60 ? list[at].Content[..60] + "…" : list[at].Content)}\""
            : "(nothing)";

    private static string Show(IReadOnlyList<(string Role, string Content)> list, int at) => Show([.. list], at);

    private sealed record Outcome(int Lost, int Duplicated, int Mismatched, int Unreadable, int InDoubtStored, string? Sample);
}
