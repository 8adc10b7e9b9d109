namespace Interview.Core.Speech;

/// <summary>Audio blobs, referred to by name. Candidate recordings get unique names; synthesized lines are content-addressed.</summary>
public interface IAudioStore
{
    /// <summary>Keeps <paramref name="audio"/> under the interview's prefix with a unique name and returns that name.</summary>
    Task<string> SaveAsync(string interviewId, string speaker, AudioClip audio, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps <paramref name="audio"/> under <paramref name="audioRef"/> (a name chosen from its content); writing it again is harmless.
    /// </summary>
    Task SaveAsAsync(string audioRef, AudioClip audio, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string audioRef, CancellationToken cancellationToken);

    Task<AudioClip?> ReadAsync(string audioRef, CancellationToken cancellationToken);

    Task DeleteAsync(string audioRef, CancellationToken cancellationToken);

    /// <summary>Deletes every blob under the interview's prefix: its recordings and the lines that named the candidate.</summary>
    Task DeleteInterviewAsync(string interviewId, CancellationToken cancellationToken);
}
