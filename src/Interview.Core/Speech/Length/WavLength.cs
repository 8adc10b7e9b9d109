using System.Buffers.Binary;

namespace Interview.Core.Speech;

/// <summary>
/// A WAV's length is its sample bytes over the byte rate. The "data" size is a claim: a header may say two seconds
/// over two hours of samples, so every byte after "data" counts unless what follows the claimed size is a short run of
/// well-formed chunks (the LIST or id3 tags some writers append).
/// </summary>
public static class WavLength
{
    // Tags appended after the samples are small; more than this after the claimed data is counted as audio.
    private const int TrailerAllowance = 64 * 1024;

    public static TimeSpan? Read(ReadOnlySpan<byte> b)
    {
        if (AudioSniffer.Detect(b) != AudioFormat.Wav)
        {
            return null;
        }

        long byteRate = 0;
        for (var pos = 12; pos + 8 <= b.Length;)
        {
            var id = b.Slice(pos, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(pos + 4, 4));
            if (id.SequenceEqual("fmt "u8) && pos + 24 <= b.Length)
            {
                byteRate = ByteRate(b.Slice(pos + 8, 16));
            }
            else if (id.SequenceEqual("data"u8))
            {
                long present = b.Length - pos - 8;
                var claimedEnd = pos + 8L + size + (size & 1);
                // Streaming writers leave the size at 0 or 0xFFFFFFFF; then what was sent is what there is.
                var honest = size is not (0 or uint.MaxValue) && size < present && IsTrailer(b[(int)Math.Min(claimedEnd, b.Length)..]);
                long data = honest ? size : present;
                return byteRate > 0 ? AudioLength.Seconds((double)data / byteRate) : null;
            }

            // In long: a chunk may claim up to 4 GB, far past what was sent.
            var next = pos + 8L + size + (size & 1);
            if (next > b.Length)
            {
                return null;
            }

            pos = (int)next;
        }

        return null;
    }

    /// <summary>The byte rate decoders use (rate × block align); a stated byte rate that disagrees is a forgery or damage.</summary>
    private static long ByteRate(ReadOnlySpan<byte> fmt)
    {
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        var byteRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[8..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        return sampleRate is > 0 and <= 768_000 && blockAlign > 0 && byteRate == (long)sampleRate * blockAlign ? byteRate : 0;
    }

    /// <summary>True when the bytes after the samples are a few well-formed chunks that end exactly at the end.</summary>
    private static bool IsTrailer(ReadOnlySpan<byte> rest)
    {
        if (rest.Length > TrailerAllowance)
        {
            return false;
        }

        var pos = 0;
        while (pos + 8 <= rest.Length)
        {
            foreach (var c in rest.Slice(pos, 4))
            {
                if (c is < 0x20 or > 0x7E)
                {
                    return false;
                }
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(rest.Slice(pos + 4, 4));
            pos = (int)Math.Min(pos + 8L + size + (size & 1), int.MaxValue);
        }

        return pos == rest.Length || (pos == rest.Length + 1);
    }
}
