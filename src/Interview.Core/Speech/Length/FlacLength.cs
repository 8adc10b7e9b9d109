namespace Interview.Core.Speech;

/// <summary>
/// A FLAC length: STREAMINFO's total samples, and the block sizes of every frame found (a sync code whose header's
/// CRC-8 checks), whichever is longer. The total is a claim a writer may leave at 0 or forge; the frames are what a
/// decoder plays. A chance sync in the compressed data costs at most one block, counted on the safe side.
/// </summary>
internal static class FlacLength
{
    public static TimeSpan? Read(ReadOnlySpan<byte> b)
    {
        // "fLaC", then the first metadata block, which is STREAMINFO: its data starts at byte 8.
        if (b.Length < 26 || (b[4] & 0x7F) != 0)
        {
            return null;
        }

        var rate = (b[18] << 12) | (b[19] << 4) | (b[20] >> 4);
        var total = ((long)(b[21] & 0x0F) << 32) | ((long)b[22] << 24) | ((long)b[23] << 16) | ((long)b[24] << 8) | b[25];
        if (rate == 0)
        {
            return null;
        }

        long framed = 0;
        for (var pos = 26; pos + 6 <= b.Length; pos++)
        {
            if (b[pos] == 0xFF && (b[pos + 1] & 0xFE) == 0xF8 && FrameSamples(b[pos..]) is { } samples)
            {
                framed += samples;
            }
        }

        return AudioLength.Seconds((double)Math.Max(total, framed) / rate);
    }

    /// <summary>The samples in the frame whose header starts here, or null when the header is not valid.</summary>
    private static int? FrameSamples(ReadOnlySpan<byte> h)
    {
        int blockCode = h[2] >> 4, rateCode = h[2] & 0x0F;
        if (blockCode == 0 || rateCode == 15 || (h[3] >> 4) > 10 || (h[3] & 1) != 0)
        {
            return null;
        }

        // The frame or sample number, UTF-8 coded: the leading ones of its first byte say how many bytes follow.
        var pos = 4;
        var extra = h[pos] < 0x80 ? 0 : System.Numerics.BitOperations.LeadingZeroCount((uint)(byte)~h[pos]) - 25;
        if (extra is < 0 or > 6 || (extra == 0 && h[pos] >= 0x80))
        {
            return null;
        }

        pos += 1 + extra;
        var sizeBytes = blockCode == 6 ? 1 : blockCode == 7 ? 2 : 0;
        var rateBytes = rateCode == 12 ? 1 : rateCode is 13 or 14 ? 2 : 0;
        if (h.Length < pos + sizeBytes + rateBytes + 1)
        {
            return null;
        }

        var samples = blockCode switch
        {
            1 => 192,
            <= 5 => 576 << (blockCode - 2),
            6 => h[pos] + 1,
            7 => ((h[pos] << 8) | h[pos + 1]) + 1,
            _ => 256 << (blockCode - 8),
        };
        pos += sizeBytes + rateBytes;
        return Crc8(h[..pos]) == h[pos] ? samples : null;
    }

    // CRC-8 (polynomial 0x07) a byte at a time: a file of nothing but sync codes is still one quick pass.
    private static readonly byte[] CrcTable = [.. Enumerable.Range(0, 256).Select(i =>
    {
        var crc = (byte)i;
        for (var bit = 0; bit < 8; bit++)
        {
            crc = (byte)((crc & 0x80) != 0 ? (crc << 1) ^ 0x07 : crc << 1);
        }

        return crc;
    })];

    private static byte Crc8(ReadOnlySpan<byte> data)
    {
        byte crc = 0;
        foreach (var x in data)
        {
            crc = CrcTable[crc ^ x];
        }

        return crc;
    }
}
