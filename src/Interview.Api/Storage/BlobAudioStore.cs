using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Interview.Core.Agent;
using Interview.Core.Speech;
using Microsoft.Extensions.Options;

namespace Interview.Api.Storage;

/// <summary>
/// Audio blobs under "{interview_id}/{speaker}/", named uniquely so two racing requests never overwrite each
/// other; the loser's blob is left for the container's retention rule. Read access is by short-lived SAS only.
/// </summary>
internal sealed class BlobAudioStore(BlobServiceClient service, IOptions<StorageOptions> options, TimeProvider clock) : IAudioStore
{
    private readonly BlobContainerClient _container = service.GetBlobContainerClient(options.Value.AudioContainer);

    public async Task<string> SaveAsync(string interviewId, string speaker, AudioClip audio, CancellationToken cancellationToken)
    {
        var name = $"{interviewId}/{speaker}/{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}{Extension(audio.Format)}";
        var upload = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = audio.ContentType } };
        await _container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(audio.Bytes), upload, cancellationToken);
        return name;
    }

    /// <summary>A read-only URL valid for <see cref="StorageOptions.AudioUrlLifetime"/>; null when there is no audio.</summary>
    public Uri? ReadUrl(string? audioRef)
    {
        if (audioRef is null)
        {
            return null;
        }

        var blob = _container.GetBlobClient(audioRef);
        return blob.GenerateSasUri(BlobSasPermissions.Read, clock.GetUtcNow() + options.Value.AudioUrlLifetime);
    }

    public async Task DeleteAsync(string audioRef, CancellationToken cancellationToken) =>
        await _container.GetBlobClient(audioRef).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private static string Extension(AudioFormat format) => format switch
    {
        AudioFormat.Wav => ".wav",
        AudioFormat.WebM => ".webm",
        AudioFormat.Ogg => ".ogg",
        AudioFormat.Mp3 => ".mp3",
        AudioFormat.Mp4 => ".m4a",
        AudioFormat.Flac => ".flac",
        _ => ".bin",
    };
}
