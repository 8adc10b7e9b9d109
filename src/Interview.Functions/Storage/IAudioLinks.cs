namespace Interview.Functions.Storage;

/// <summary>Short-lived read links to stored audio, for the wire; the stored turn keeps only the blob name.</summary>
public interface IAudioLinks
{
    ValueTask<Uri?> ReadUrlAsync(string? audioRef, CancellationToken cancellationToken);
}
