using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Interview.Core.Agent;
using Interview.Core.Speech;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Storage;

/// <summary>
/// Audio blobs under "{interview_id}/{speaker}/", named uniquely so two racing requests never overwrite each
/// other; the loser's blob is left for the container's retention rule. Read access is by short-lived SAS only:
/// signed with the account key locally, with a user delegation key when running on a managed identity.
/// </summary>
internal sealed class BlobAudioStore(BlobServiceClient service, IOptions<StorageOptions> options, TimeProvider clock)
    : IAudioStore, IAudioLinks
{
    private static readonly TimeSpan DelegationKeyLifetime = TimeSpan.FromDays(1);
    private readonly BlobContainerClient _container = service.GetBlobContainerClient(options.Value.AudioContainer);
    private readonly SemaphoreSlim _keyRefresh = new(1, 1);
    private UserDelegationKey? _delegationKey;

    /// <summary>A read-only URL valid for <see cref="StorageOptions.AudioUrlLifetime"/>; null when there is no audio.</summary>
    public async ValueTask<Uri?> ReadUrlAsync(string? audioRef, CancellationToken cancellationToken)
    {
        if (audioRef is null)
        {
            return null;
        }

        var blob = _container.GetBlobClient(audioRef);
        var expires = clock.GetUtcNow() + options.Value.AudioUrlLifetime;
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(BlobSasPermissions.Read, expires);
        }

        var key = await DelegationKeyAsync(cancellationToken);
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expires) { BlobContainerName = blob.BlobContainerName, BlobName = blob.Name,
            Resource = "b" };
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, service.AccountName) }.ToUri();
    }

    /// <summary>On identity, a user delegation key that outlives the URLs it signs: one storage call a day.</summary>
    private async ValueTask<UserDelegationKey> DelegationKeyAsync(CancellationToken cancellationToken)
    {
        if (_delegationKey is { } cached && KeyCovers(cached))
        {
            return cached;
        }

        await _keyRefresh.WaitAsync(cancellationToken);
        try
        {
            if (!KeyCovers(_delegationKey))
            {
                var now = clock.GetUtcNow();
                _delegationKey = (await service.GetUserDelegationKeyAsync(now.AddMinutes(-5), now + DelegationKeyLifetime,
                    cancellationToken)).Value;
            }

            return _delegationKey!;
        }
        finally
        {
            _keyRefresh.Release();
        }
    }

    private bool KeyCovers(UserDelegationKey? key) =>
        key is not null && key.SignedExpiresOn - clock.GetUtcNow() > options.Value.AudioUrlLifetime + TimeSpan.FromMinutes(5);

    public async Task<string> SaveAsync(string interviewId, string speaker, AudioClip audio, CancellationToken cancellationToken)
    {
        var name = $"{interviewId}/{speaker}/{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}{Extension(audio.Format)}";
        var upload = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = audio.ContentType } };
        await _container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(audio.Bytes), upload, cancellationToken);
        return name;
    }

    public async Task SaveAsAsync(string audioRef, AudioClip audio, CancellationToken cancellationToken)
    {
        var upload = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = audio.ContentType } };
        await _container.GetBlobClient(audioRef).UploadAsync(BinaryData.FromBytes(audio.Bytes), upload, cancellationToken);
    }

    public async Task<bool> ExistsAsync(string audioRef, CancellationToken cancellationToken) =>
        await _container.GetBlobClient(audioRef).ExistsAsync(cancellationToken);

    public async Task<AudioClip?> ReadAsync(string audioRef, CancellationToken cancellationToken)
    {
        try
        {
            var content = (await _container.GetBlobClient(audioRef).DownloadContentAsync(cancellationToken)).Value;
            return new AudioClip(content.Content.ToMemory(), content.Details.ContentType);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteInterviewAsync(string interviewId, CancellationToken cancellationToken)
    {
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{interviewId}/", cancellationToken))
        {
            await _container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
        }
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
