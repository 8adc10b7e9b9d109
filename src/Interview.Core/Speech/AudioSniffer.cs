namespace Interview.Core.Speech;

public enum AudioFormat
{
    Unknown,
    Wav,
    Ogg,
    WebM,
    Mp3,
    Mp4,
    Flac,
}

/// <summary>
/// Recognises audio by its leading bytes. Browsers send MediaRecorder blobs named "blob" with types that vary,
/// so neither the filename nor the declared type is trusted.
/// </summary>
public static class AudioSniffer
{
    public static AudioFormat Detect(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            return AudioFormat.Wav;
        }

        if (b.Length >= 4 && b[..4].SequenceEqual("OggS"u8))
        {
            return AudioFormat.Ogg;
        }

        if (b.Length >= 4 && b[..4].SequenceEqual("fLaC"u8))
        {
            return AudioFormat.Flac;
        }

        // EBML header: WebM and Matroska.
        if (b.Length >= 4 && b[0] == 0x1A && b[1] == 0x45 && b[2] == 0xDF && b[3] == 0xA3)
        {
            return AudioFormat.WebM;
        }

        if (b.Length >= 12 && b.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return AudioFormat.Mp4;
        }

        // ID3 tag, or an MPEG audio frame sync (11 bits set) with a valid layer.
        if ((b.Length >= 3 && b[..3].SequenceEqual("ID3"u8))
            || (b.Length >= 2 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0 && (b[1] & 0x06) != 0))
        {
            return AudioFormat.Mp3;
        }

        return AudioFormat.Unknown;
    }

    public static string MediaType(AudioFormat format) => format switch
    {
        AudioFormat.Wav => "audio/wav",
        AudioFormat.Ogg => "audio/ogg",
        AudioFormat.WebM => "audio/webm",
        AudioFormat.Mp3 => "audio/mpeg",
        AudioFormat.Mp4 => "audio/mp4",
        AudioFormat.Flac => "audio/flac",
        _ => "application/octet-stream",
    };
}
