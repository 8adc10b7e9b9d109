using Interview.Core.Speech;

namespace Interview.Core.Agent;

/// <summary>Keeps audio under the interview's prefix and returns a reference (a blob name) for the turn.</summary>
public interface IAudioStore
{
    Task<string> SaveAsync(string interviewId, string speaker, AudioClip audio, CancellationToken cancellationToken);

    Task DeleteAsync(string audioRef, CancellationToken cancellationToken);
}
