namespace Interview.Core.Tests.TestDoubles;

/// <summary>Real WAV bytes for tests: the gate reads a recording's length from them, so a header alone will not do.</summary>
internal static class TestWav
{
    /// <summary>A silent 8 kHz mono 8-bit WAV of the given length.</summary>
    public static byte[] Silence(double seconds)
    {
        var data = (int)(8000 * seconds);
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream);
        w.Write("RIFF"u8); w.Write(36 + data); w.Write("WAVE"u8);
        w.Write("fmt "u8); w.Write(16); w.Write((short)1); w.Write((short)1);
        w.Write(8000); w.Write(8000); w.Write((short)1); w.Write((short)8);
        w.Write("data"u8); w.Write(data); w.Write(new byte[data]);
        return stream.ToArray();
    }
}
