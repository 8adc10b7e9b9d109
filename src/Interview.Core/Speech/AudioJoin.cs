using System.Buffers.Binary;

namespace Interview.Core.Speech;

/// <summary>
/// One playable clip from a line's sentences, synthesized one by one. WAV clips of one format are joined sample for sample
/// under a new header; MP3 is a sequence of frames, so clips simply follow each other. Other formats are not joined.
/// </summary>
public static class AudioJoin
{
    public static AudioClip? TryJoin(IReadOnlyList<AudioClip> clips)
    {
        if (clips.Count == 1)
        {
            return clips[0];
        }

        var formats = clips.Select(c => c.Format).Distinct().ToList();
        return formats is [AudioFormat.Wav] ? JoinWav(clips)
            : formats is [AudioFormat.Mp3] ? new AudioClip(clips.SelectMany(c => c.Bytes.ToArray()).ToArray(), clips[0].ContentType)
            : null;
    }

    private static AudioClip? JoinWav(IReadOnlyList<AudioClip> clips)
    {
        var parts = clips.Select(c => Wav(c.Bytes.Span)).ToList();
        if (parts.Any(p => p is null) || parts.Select(p => Convert.ToHexString(p!.Value.Fmt)).Distinct().Count() != 1)
        {
            return null; // unreadable, or sentences in different formats
        }

        var fmt = parts[0]!.Value.Fmt;
        var dataLength = parts.Sum(p => p!.Value.Data.Length);
        var output = new byte[12 + 8 + fmt.Length + 8 + dataLength];
        var span = output.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], output.Length - 8);
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], fmt.Length);
        fmt.CopyTo(span[20..]);
        var at = 20 + fmt.Length;
        "data"u8.CopyTo(span[at..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[(at + 4)..], dataLength);
        at += 8;
        foreach (var part in parts)
        {
            part!.Value.Data.CopyTo(span[at..]);
            at += part.Value.Data.Length;
        }

        return new AudioClip(output, clips[0].ContentType);
    }

    /// <summary>The fmt chunk's body and the samples of a RIFF/WAVE file; null when either is missing.</summary>
    private static (byte[] Fmt, byte[] Data)? Wav(ReadOnlySpan<byte> b)
    {
        byte[]? fmt = null;
        for (var pos = 12; pos + 8 <= b.Length;)
        {
            var id = b.Slice(pos, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(pos + 4, 4)), (uint)(b.Length - pos - 8));
            if (id.SequenceEqual("fmt "u8))
            {
                fmt = b.Slice(pos + 8, size).ToArray();
            }
            else if (id.SequenceEqual("data"u8))
            {
                return fmt is null ? null : (fmt, b.Slice(pos + 8, size).ToArray());
            }

            pos += 8 + size + (size & 1);
        }

        return null;
    }
}
