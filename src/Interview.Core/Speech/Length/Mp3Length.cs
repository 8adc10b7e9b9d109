namespace Interview.Core.Speech;

/// <summary>
/// An MP3 length from its frames, every one counted: a Xing or VBRI header is a claim, the frames are what a decoder
/// plays. Bytes that are no frame (tags, junk) are stepped over one at a time, as decoders resynchronise.
/// </summary>
internal static class Mp3Length
{
    private static readonly int[][] Bitrates =
    [
        [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448], // MPEG-1 layer I
        [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384], // MPEG-1 layer II
        [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320], // MPEG-1 layer III
        [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256], // MPEG-2/2.5 layer I
        [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160], // MPEG-2/2.5 layers II and III
    ];

    private static readonly int[] Rates = [44_100, 48_000, 32_000];

    public static TimeSpan? Read(ReadOnlySpan<byte> b)
    {
        var pos = Id3v2Length(b);
        double seconds = 0;
        while (pos + 4 <= b.Length)
        {
            if (TryFrame(b[pos..], out var length, out var frameSeconds) && pos + length <= b.Length)
            {
                seconds += frameSeconds;
                pos += length;
            }
            else
            {
                pos++;
            }
        }

        return AudioLength.Seconds(seconds);
    }

    /// <summary>One frame header: sync, version, layer, bitrate, sample rate and padding give its size and duration.</summary>
    private static bool TryFrame(ReadOnlySpan<byte> h, out int length, out double seconds)
    {
        (length, seconds) = (0, 0);
        if (h[0] != 0xFF || (h[1] & 0xE0) != 0xE0)
        {
            return false;
        }

        int version = (h[1] >> 3) & 3, layer = (h[1] >> 1) & 3;
        int bitrateIndex = h[2] >> 4, rateIndex = (h[2] >> 2) & 3, padding = (h[2] >> 1) & 1;
        // Version 1 and layer 0 are reserved; bitrate 0 is "free format" (no size in the header), 15 and rate 3 are invalid.
        if (version == 1 || layer == 0 || bitrateIndex is 0 or 15 || rateIndex == 3)
        {
            return false;
        }

        var mpeg1 = version == 3;
        var rate = Rates[rateIndex] >> (version switch { 3 => 0, 2 => 1, _ => 2 });
        var bitrate = 1000 * Bitrates[mpeg1 ? 3 - layer : layer == 3 ? 3 : 4][bitrateIndex];
        var samples = layer switch { 3 => 384, 2 => 1152, _ => mpeg1 ? 1152 : 576 };
        length = layer == 3 ? ((12 * bitrate / rate) + padding) * 4 : (samples / 8 * bitrate / rate) + padding;
        seconds = (double)samples / rate;
        return length >= 4;
    }

    /// <summary>An ID3v2 tag's size (syncsafe, plus its header and optional footer), or 0.</summary>
    private static int Id3v2Length(ReadOnlySpan<byte> b)
    {
        if (b.Length < 10 || !b[..3].SequenceEqual("ID3"u8))
        {
            return 0;
        }

        var size = (b[6] & 0x7F) << 21 | (b[7] & 0x7F) << 14 | (b[8] & 0x7F) << 7 | (b[9] & 0x7F);
        return Math.Min(b.Length, 10 + size + ((b[5] & 0x10) != 0 ? 10 : 0));
    }
}
