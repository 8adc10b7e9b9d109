namespace Interview.Core.Speech;

/// <summary>
/// How long a recording is, read from its own bytes before anything is stored or decoded: a bounded walk over the
/// container (WAV chunks, Ogg pages, Matroska elements, MP3 frames, MP4 boxes, FLAC frames), no decoding, no process.
/// Where a header states a length, what the file actually holds is counted as well and the longer one wins, so a forged
/// header cannot hide hours of audio behind a claim of seconds. Null when the bytes do not say; the gate refuses those.
/// </summary>
public static class AudioLength
{
    public static TimeSpan? Of(ReadOnlySpan<byte> bytes) => AudioSniffer.Detect(bytes) switch
    {
        AudioFormat.Wav => WavLength.Read(bytes),
        AudioFormat.Ogg => OggLength.Read(bytes),
        AudioFormat.WebM => WebmLength.Read(bytes),
        AudioFormat.Mp3 => Mp3Length.Read(bytes),
        AudioFormat.Mp4 => Mp4Length.Read(bytes),
        AudioFormat.Flac => FlacLength.Read(bytes),
        _ => null,
    };

    /// <summary>Seconds as a length, or null when nothing was found or the arithmetic went wrong.</summary>
    internal static TimeSpan? Seconds(double seconds) =>
        double.IsFinite(seconds) && seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(seconds) : null;
}
