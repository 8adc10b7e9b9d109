using System.Buffers.Binary;

namespace Interview.Core.Speech;

/// <summary>
/// An MP4/M4A length: the movie header's duration, each track's sample table (what a decoder plays), and for fragmented
/// files (Safari's MediaRecorder) the fragments' sample durations, whichever is longest. Boxes inside moov, trak, mdia,
/// minf, stbl, mvex, moof and traf are read in line; every other box, mdat included, is skipped by its size.
/// </summary>
internal static class Mp4Length
{
    public static TimeSpan? Read(ReadOnlySpan<byte> b)
    {
        double longest = 0, track = 0, fragments = 0;
        long timescale = 0, trexDuration = 0, fragmentDefault = 0;
        var pos = 0;
        while (pos + 8 <= b.Length)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(b[pos..]);
            var type = b.Slice(pos + 4, 4);
            var header = 8;
            if (size == 1 && pos + 16 <= b.Length)
            {
                (size, header) = ((long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(b[(pos + 8)..]), long.MaxValue), 16);
            }
            else if (size == 0)
            {
                size = b.Length - pos;
            }

            if (IsContainer(type))
            {
                pos += header;
                continue;
            }

            if (size < header || size > b.Length - pos)
            {
                break;
            }

            var d = b.Slice(pos + header, (int)size - header);
            switch (Encoding(type))
            {
                case "mvhd" or "mdhd":
                    var (scale, duration) = TimeHeader(d);
                    if (type.SequenceEqual("mdhd"u8))
                    {
                        // A track's own clock, which its sample table and fragments count in.
                        (timescale, track) = (scale, 0);
                    }

                    // A fragmented file leaves the duration at 0 or all ones: "unknown".
                    longest = scale == 0 || duration >= uint.MaxValue ? longest : Math.Max(longest, duration / scale);
                    break;
                case "stts" when d.Length >= 8 && timescale > 0:
                    var entries = Math.Min(BinaryPrimitives.ReadUInt32BigEndian(d[4..]), (uint)(d.Length - 8) / 8);
                    for (var i = 0; i < entries; i++)
                    {
                        // Entries of (sample count, sample duration).
                        var entry = d[(8 + (8 * i))..];
                        track += (double)BinaryPrimitives.ReadUInt32BigEndian(entry) * BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
                    }

                    longest = Math.Max(longest, track / timescale);
                    break;
                case "trex" when d.Length >= 16:
                    trexDuration = BinaryPrimitives.ReadUInt32BigEndian(d[12..]);
                    break;
                case "tfhd" when d.Length >= 8:
                    fragmentDefault = DefaultDuration(d) ?? trexDuration;
                    break;
                case "trun" when d.Length >= 8 && timescale > 0:
                    fragments += RunDuration(d, fragmentDefault);
                    longest = Math.Max(longest, fragments / timescale);
                    break;
            }

            pos += (int)size;
        }

        return AudioLength.Seconds(longest);
    }

    /// <summary>mvhd and mdhd share a layout: version 1 has 64-bit times, version 0 32-bit ones.</summary>
    private static (uint Scale, double Duration) TimeHeader(ReadOnlySpan<byte> d) => d.Length >= 32 && d[0] == 1
        ? (BinaryPrimitives.ReadUInt32BigEndian(d[20..]), BinaryPrimitives.ReadUInt64BigEndian(d[24..]))
        : d.Length >= 20 && d[0] == 0
            ? (BinaryPrimitives.ReadUInt32BigEndian(d[12..]), BinaryPrimitives.ReadUInt32BigEndian(d[16..]))
            : (0, 0);

    private static bool IsContainer(ReadOnlySpan<byte> type) =>
        Encoding(type) is "moov" or "trak" or "mdia" or "minf" or "stbl" or "mvex" or "moof" or "traf";

    private static string Encoding(ReadOnlySpan<byte> type) => System.Text.Encoding.ASCII.GetString(type);

    /// <summary>tfhd: flags, track id, then optional fields in order; 0x08 marks a default sample duration.</summary>
    private static long? DefaultDuration(ReadOnlySpan<byte> d)
    {
        var flags = BinaryPrimitives.ReadUInt32BigEndian(d) & 0xFFFFFF;
        var at = 8 + ((flags & 0x01) != 0 ? 8 : 0) + ((flags & 0x02) != 0 ? 4 : 0);
        return (flags & 0x08) != 0 && d.Length >= at + 4 ? BinaryPrimitives.ReadUInt32BigEndian(d[at..]) : null;
    }

    /// <summary>trun: a sample count, optional offset and first flags, then per sample the fields its flags name.</summary>
    private static double RunDuration(ReadOnlySpan<byte> d, long fallback)
    {
        var flags = BinaryPrimitives.ReadUInt32BigEndian(d) & 0xFFFFFF;
        var count = BinaryPrimitives.ReadUInt32BigEndian(d[4..]);
        var at = 8 + ((flags & 0x01) != 0 ? 4 : 0) + ((flags & 0x04) != 0 ? 4 : 0);
        if ((flags & 0x100) == 0)
        {
            return (double)count * fallback;
        }

        var stride = 4 * (1 + (int)System.Numerics.BitOperations.PopCount(flags & 0xE00));
        double total = 0;
        for (long i = 0, o = at; i < count && o + 4 <= d.Length; i++, o += stride)
        {
            total += BinaryPrimitives.ReadUInt32BigEndian(d[(int)o..]);
        }

        return total;
    }
}
