using System.Buffers.Binary;
using Interview.Core.Speech;

namespace Interview.Core.Tests.Streaming;

/// <summary>A line's sentences joined into the one clip its stored turn plays.</summary>
public sealed class AudioJoinTests
{
    [Fact]
    public void Wav_sentences_join_sample_for_sample_under_one_header()
    {
        var joined = AudioJoin.TryJoin([Wav(100, 1), Wav(60, 2)])!;

        var bytes = joined.Bytes.Span;
        Assert.Equal(AudioFormat.Wav, joined.Format);
        Assert.Equal(bytes.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]));
        Assert.Equal(160, BinaryPrimitives.ReadInt32LittleEndian(bytes[40..]));
        Assert.Equal(1, bytes[44]);
        Assert.Equal(2, bytes[^1]);
        Assert.Equal(TimeSpan.FromSeconds(160.0 / 32_000), WavLength.Read(bytes));
    }

    [Fact]
    public void Mp3_sentences_follow_each_other_and_mixed_formats_do_not_join()
    {
        byte[] a = [0xFF, 0xFB, 0x90, 0x64, 1], b = [0xFF, 0xFB, 0x90, 0x64, 2];

        var joined = AudioJoin.TryJoin([new AudioClip(a, "audio/mpeg"), new AudioClip(b, "audio/mpeg")])!;

        Assert.Equal([.. a, .. b], joined.Bytes.ToArray());
        Assert.Null(AudioJoin.TryJoin([new AudioClip(a, "audio/mpeg"), Wav(10, 1)]));
    }

    private static AudioClip Wav(int dataBytes, byte fill)
    {
        var wav = new byte[44 + dataBytes];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), wav.Length - 8);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), 16_000);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), 32_000);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), dataBytes);
        wav.AsSpan(44).Fill(fill);
        return new AudioClip(wav, "audio/wav");
    }
}
