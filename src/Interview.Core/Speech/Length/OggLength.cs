using System.Buffers.Binary;

namespace Interview.Core.Speech;

/// <summary>
/// An Ogg length from a walk over every page of the first stream: the highest granule position over the codec's rate
/// (48 kHz less the pre-skip for Opus, the identification header's rate for Vorbis) and, for Opus, the sum of its
/// packets, whichever is longer; a forged last granule cannot hide the packets before it. Other codecs give no length.
/// </summary>
internal static class OggLength
{
    public static TimeSpan? Read(ReadOnlySpan<byte> b)
    {
        uint? serial = null;
        long granule = 0, packet = 0;
        double opus = 0, rate = 0, preSkip = 0;
        bool isOpus = false, atPacketStart = true;
        for (var pos = 0; pos + 27 <= b.Length;)
        {
            // A page: "OggS", version 0, flags, granule, serial, sequence, CRC, then its segment table.
            int segments = b[pos + 26], header = 27 + segments;
            if (!b.Slice(pos, 4).SequenceEqual("OggS"u8) || b[pos + 4] != 0 || pos + header > b.Length)
            {
                break;
            }

            var lacing = b.Slice(pos + 27, segments);
            var body = 0;
            foreach (var l in lacing)
            {
                body += l;
            }

            if (pos + header + body > b.Length)
            {
                break;
            }

            var pageSerial = BinaryPrimitives.ReadUInt32LittleEndian(b[(pos + 14)..]);
            serial ??= pageSerial;
            if (pageSerial == serial)
            {
                granule = Math.Max(granule, BinaryPrimitives.ReadInt64LittleEndian(b[(pos + 6)..]));
                var offset = pos + header;
                foreach (var l in lacing)
                {
                    if (atPacketStart)
                    {
                        var first = b.Slice(offset, l);
                        if (packet == 0)
                        {
                            (isOpus, rate, preSkip) = Identify(first);
                        }
                        else if (isOpus && packet >= 2)
                        {
                            opus += OpusPackets.Seconds(first);
                        }
                    }

                    offset += l;
                    // A lacing value under 255 ends a packet; 255 means it continues in the next segment.
                    atPacketStart = l < 255;
                    packet += atPacketStart ? 1 : 0;
                }
            }

            pos += header + body;
        }

        return rate > 0 ? AudioLength.Seconds(Math.Max((granule - preSkip) / rate, opus)) : null;
    }

    /// <summary>The codec's rate and the samples to drop at the start, from the first packet.</summary>
    private static (bool Opus, double Rate, double PreSkip) Identify(ReadOnlySpan<byte> p)
    {
        if (p.Length >= 12 && p[..8].SequenceEqual("OpusHead"u8))
        {
            // Opus granules always count 48 kHz samples, whatever rate the input had.
            return (true, 48_000, BinaryPrimitives.ReadUInt16LittleEndian(p[10..]));
        }

        if (p.Length >= 16 && p[0] == 1 && p[1..7].SequenceEqual("vorbis"u8))
        {
            return (false, BinaryPrimitives.ReadUInt32LittleEndian(p[12..]), 0);
        }

        return (false, 0, 0);
    }
}
