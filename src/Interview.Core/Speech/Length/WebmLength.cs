using System.Buffers.Binary;

namespace Interview.Core.Speech;

/// <summary>
/// A WebM/Matroska length: the Segment's Duration when the muxer wrote one, the last block's time, and for Opus the
/// sum of its packets, whichever is longest. MediaRecorder writes no Duration and leaves the Segment and Clusters of
/// unknown size, so the walk reads the masters it needs in line (their children follow them) and skips everything else
/// by its size: one pass over element headers, never a decode.
/// </summary>
internal static class WebmLength
{
    private const uint Segment = 0x18538067, Info = 0x1549A966, Tracks = 0x1654AE6B, TrackEntry = 0xAE, Cluster = 0x1F43B675;
    private const uint BlockGroup = 0xA0, TimecodeScale = 0x2AD7B1, Duration = 0x4489, CodecId = 0x86, Timecode = 0xE7;
    private const uint SimpleBlock = 0xA3, Block = 0xA1;

    public static TimeSpan? Read(ReadOnlySpan<byte> b)
    {
        long scale = 1_000_000, cluster = 0, lastBlock = -1;
        double declared = 0, opus = 0;
        int tracks = 0;
        var isOpus = false;
        var pos = 0;
        while (TryHeader(b[pos..], out var id, out var size, out var headerLength))
        {
            var start = pos + headerLength;
            if (id is Segment or Info or Tracks or TrackEntry or Cluster or BlockGroup)
            {
                pos = start;
                continue;
            }

            // An unknown size is only allowed on the masters above; a cut-off last element ends the walk.
            if (size < 0 || size > b.Length - start)
            {
                break;
            }

            var data = b.Slice(start, (int)size);
            switch (id)
            {
                case TimecodeScale:
                    scale = Math.Max(1, (long)Unsigned(data));
                    break;
                case Duration:
                    declared = data.Length switch
                    {
                        4 => BinaryPrimitives.ReadSingleBigEndian(data),
                        8 => BinaryPrimitives.ReadDoubleBigEndian(data),
                        _ => 0,
                    };
                    break;
                case CodecId:
                    tracks++;
                    isOpus = data.SequenceEqual("A_OPUS"u8);
                    break;
                case Timecode:
                    cluster = (long)Math.Min(Unsigned(data), long.MaxValue / 2);
                    break;
                case SimpleBlock or Block when TryBlock(data, out var relative, out var frame):
                    lastBlock = Math.Max(lastBlock, cluster + relative);
                    // One Opus track, frames not laced (MediaRecorder and ffmpeg never lace Opus): each block is one packet.
                    opus += isOpus && tracks == 1 ? OpusPackets.Seconds(frame) : 0;
                    break;
            }

            pos = start + (int)size;
        }

        var ticks = Math.Max(double.IsFinite(declared) ? declared : 0, lastBlock);
        return AudioLength.Seconds(Math.Max(ticks * scale / 1e9, opus));
    }

    /// <summary>A block: track number (a variable-length integer), a 16-bit time relative to its cluster, flags, the frame.</summary>
    private static bool TryBlock(ReadOnlySpan<byte> data, out short relative, out ReadOnlySpan<byte> frame)
    {
        relative = 0;
        frame = default;
        var trackLength = data.IsEmpty ? 0 : VintLength(data[0]);
        if (trackLength == 0 || data.Length < trackLength + 3)
        {
            return false;
        }

        relative = BinaryPrimitives.ReadInt16BigEndian(data[trackLength..]);
        var laced = (data[trackLength + 2] & 0x06) != 0;
        frame = laced ? default : data[(trackLength + 3)..];
        return true;
    }

    private static bool TryHeader(ReadOnlySpan<byte> b, out uint id, out long size, out int length)
    {
        (id, size, length) = (0, 0, 0);
        var idLength = b.IsEmpty ? 0 : VintLength(b[0]);
        if (idLength is 0 or > 4 || b.Length < idLength + 1)
        {
            return false;
        }

        for (var i = 0; i < idLength; i++)
        {
            id = (id << 8) | b[i];
        }

        var sizeLength = VintLength(b[idLength]);
        if (sizeLength == 0 || b.Length < idLength + sizeLength)
        {
            return false;
        }

        // The marker bit is dropped from the size; all value bits set means "unknown" (a live recording).
        var value = (ulong)(b[idLength] & (0xFF >> sizeLength));
        var allOnes = value == (ulong)(0xFF >> sizeLength);
        for (var i = 1; i < sizeLength; i++)
        {
            value = (value << 8) | b[idLength + i];
            allOnes &= b[idLength + i] == 0xFF;
        }

        (size, length) = (allOnes ? -1 : (long)Math.Min(value, long.MaxValue), idLength + sizeLength);
        return true;
    }

    private static int VintLength(byte first) => first == 0 ? 0 : System.Numerics.BitOperations.LeadingZeroCount((uint)first) - 23;

    private static ulong Unsigned(ReadOnlySpan<byte> data)
    {
        ulong value = 0;
        foreach (var x in data[..Math.Min(data.Length, 8)])
        {
            value = (value << 8) | x;
        }

        return value;
    }
}
