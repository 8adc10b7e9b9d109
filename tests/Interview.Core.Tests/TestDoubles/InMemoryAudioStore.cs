using Interview.Core.Agent;
using Interview.Core.Speech;

namespace Interview.Core.Tests.TestDoubles;

/// <summary>
/// Records every save and delete and hands back a blob-like name; writes "save {speaker}" and "delete {ref}" to the journal.
/// </summary>
internal sealed class InMemoryAudioStore(List<string>? journal = null) : IAudioStore
{
    public List<(string InterviewId, string Speaker, AudioClip Audio, string Ref)> Saves { get; } = [];

    public Task<string> SaveAsync(string interviewId, string speaker, AudioClip audio, CancellationToken cancellationToken)
    {
        journal?.Add($"save {speaker}");
        var reference = $"{interviewId}/{Saves.Count + 1:D3}-{speaker}.audio";
        Saves.Add((interviewId, speaker, audio, reference));
        return Task.FromResult(reference);
    }

    /// <summary>Blobs saved under a name of the caller's (synthesized lines), by name.</summary>
    public Dictionary<string, AudioClip> Named { get; } = [];

    public Task SaveAsAsync(string audioRef, AudioClip audio, CancellationToken cancellationToken)
    {
        journal?.Add($"save {audioRef}");
        Named[audioRef] = audio;
        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string audioRef, CancellationToken cancellationToken) => Task.FromResult(Named.ContainsKey(audioRef));

    public Task<AudioClip?> ReadAsync(string audioRef, CancellationToken cancellationToken) =>
        Task.FromResult(Named.TryGetValue(audioRef, out var clip) ? clip : null);

    public List<string> Deleted { get; } = [];

    public Task DeleteInterviewAsync(string interviewId, CancellationToken cancellationToken)
    {
        Deleted.AddRange(Saves.Where(s => s.InterviewId == interviewId).Select(s => s.Ref));
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string audioRef, CancellationToken cancellationToken)
    {
        journal?.Add($"delete {audioRef}");
        Deleted.Add(audioRef);
        return Task.CompletedTask;
    }
}
