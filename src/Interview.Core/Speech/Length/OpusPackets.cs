namespace Interview.Core.Speech;

/// <summary>
/// The audio one Opus packet holds, from its first byte (RFC 6716 §3.1): a decoder must produce exactly this, so the
/// sum over packets is a length no container timestamp can shrink.
/// </summary>
internal static class OpusPackets
{
    private static readonly double[] Silk = [0.010, 0.020, 0.040, 0.060];

    public static double Seconds(ReadOnlySpan<byte> packet)
    {
        if (packet.IsEmpty)
        {
            return 0;
        }

        var config = packet[0] >> 3;
        var frame = config switch
        {
            < 12 => Silk[config & 3],
            < 16 => (config & 1) == 0 ? 0.010 : 0.020,
            _ => 0.0025 * (1 << (config & 3)),
        };
        var frames = (packet[0] & 3) switch
        {
            0 => 1,
            1 or 2 => 2,
            _ => packet.Length > 1 ? packet[1] & 0x3F : 0,
        };

        // A packet holds at most 120 ms; more is a malformed count the decoder would reject.
        return Math.Min(frame * frames, 0.120);
    }
}
