using System.Buffers.Binary;
using Interview.Core.Speech;

namespace Interview.Core.Tests.Speech;

/// <summary>Formats recognised from leading bytes alone, and WAV lengths read from the header, on hand-made headers.</summary>
public sealed class AudioSnifferTests
{
    public static TheoryData<string, AudioFormat> Headers => new()
    {
        { "RIFF WAVE", AudioFormat.Wav },
        { "RIFF AVI", AudioFormat.Unknown },
        { "OggS", AudioFormat.Ogg },
        { "fLaC", AudioFormat.Flac },
        { "EBML", AudioFormat.WebM },
        { "ftyp M4A", AudioFormat.Mp4 },
        { "ftyp isom", AudioFormat.Mp4 },
        { "ID3 tag", AudioFormat.Mp3 },
        { "MPEG-1 layer III sync", AudioFormat.Mp3 },
        { "MPEG-2 layer III sync", AudioFormat.Mp3 },
        { "AAC ADTS sync (layer 0)", AudioFormat.Unknown },
        { "plain text", AudioFormat.Unknown },
        { "zeros", AudioFormat.Unknown },
        { "empty", AudioFormat.Unknown },
        { "RIF", AudioFormat.Unknown },
        { "RIFF WAV cut at 11 bytes", AudioFormat.Unknown },
        { "ftyp cut at 8 bytes", AudioFormat.Unknown },
        { "Ogg cut at 3 bytes", AudioFormat.Unknown },
        { "one FF byte", AudioFormat.Unknown },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Format_is_recognised_from_leading_bytes(string header, AudioFormat expected) =>
        Assert.Equal(expected, AudioSniffer.Detect(Header(header)));

    [Theory]
    [InlineData(16_000, 1, 32_000, 1.0)]
    [InlineData(44_100, 2, 88_200, 0.5)]
    [InlineData(8_000, 1, 8_000, 0.5)]
    public void Wav_duration_is_data_size_over_byte_rate(int sampleRate, short channels, int dataBytes, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), WavLength.Read(Wav(sampleRate, channels, (uint)dataBytes, dataBytes)));

    [Theory]
    [InlineData(0u)]
    [InlineData(uint.MaxValue)]
    [InlineData(1_000_000u)]
    public void Streaming_or_truncated_wav_is_as_long_as_the_bytes_present(uint declared) =>
        Assert.Equal(TimeSpan.FromSeconds(0.5), WavLength.Read(Wav(16_000, 1, declared, 16_000)));

    [Fact]
    public void Chunks_before_data_are_skipped_with_their_padding()
    {
        // A LIST chunk of odd size is followed by one pad byte, as RIFF requires.
        byte[] list = [.. "LIST"u8, 5, 0, 0, 0, .. "INFOx"u8, 0];
        Assert.Equal(TimeSpan.FromSeconds(1), WavLength.Read(Wav(16_000, 1, 32_000, 32_000, list)));
    }

    [Theory]
    [InlineData(0x8000_0000u)]
    [InlineData(0xFFFF_FFF0u)]
    public void Chunk_claiming_gigabytes_before_data_gives_no_duration_instead_of_throwing(uint size)
    {
        byte[] list = [.. "LIST"u8, 0, 0, 0, 0, .. "INFO"u8];
        BinaryPrimitives.WriteUInt32LittleEndian(list.AsSpan(4), size);
        Assert.Null(WavLength.Read(Wav(16_000, 1, 32_000, 32_000, list)));
    }

    [Theory]
    [InlineData("OggS")]
    [InlineData("ID3 tag")]
    [InlineData("empty")]
    [InlineData("RIFF WAV cut at 11 bytes")]
    public void Non_wav_has_no_wav_duration(string header) => Assert.Null(WavLength.Read(Header(header)));

    [Fact]
    public void Wav_without_a_format_chunk_has_no_duration()
    {
        byte[] headerOnly = [.. "RIFF"u8, 0, 0, 0, 0, .. "WAVE"u8, .. "data"u8, 4, 0, 0, 0, 1, 2, 3, 4];
        Assert.Null(WavLength.Read(headerOnly));
    }

    private static byte[] Header(string name) => name switch
    {
        "RIFF WAVE" => [.. "RIFF"u8, 36, 0, 0, 0, .. "WAVEfmt "u8],
        "RIFF AVI" => [.. "RIFF"u8, 36, 0, 0, 0, .. "AVI LIST"u8],
        "OggS" => [.. "OggS"u8, 0, 2, 0, 0],
        "fLaC" => [.. "fLaC"u8, 0, 0, 0, 0x22],
        "EBML" => [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81],
        "ftyp M4A" => [0, 0, 0, 0x1C, .. "ftypM4A "u8],
        "ftyp isom" => [0, 0, 0, 0x20, .. "ftypisom"u8],
        "ID3 tag" => [.. "ID3"u8, 4, 0, 0],
        "MPEG-1 layer III sync" => [0xFF, 0xFB, 0x90, 0x64],
        "MPEG-2 layer III sync" => [0xFF, 0xF3, 0x64, 0xC4],
        "AAC ADTS sync (layer 0)" => [0xFF, 0xF1, 0x50, 0x80],
        "plain text" => [.. "hello, this is not audio"u8],
        "zeros" => new byte[64],
        "empty" => [],
        "RIF" => [.. "RIF"u8],
        "RIFF WAV cut at 11 bytes" => [.. "RIFF"u8, 36, 0, 0, 0, .. "WAV"u8],
        "ftyp cut at 8 bytes" => [0, 0, 0, 0x1C, .. "ftyp"u8],
        "Ogg cut at 3 bytes" => [.. "Ogg"u8],
        "one FF byte" => [0xFF],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>
    /// A PCM 16-bit WAV: RIFF header, fmt chunk, optional extra chunk, data chunk declaring <paramref name="declared"/> bytes.
    /// </summary>
    private static byte[] Wav(int sampleRate, short channels, uint declared, int present, byte[]? extra = null)
    {
        extra ??= [];
        var wav = new byte[36 + extra.Length + 8 + present];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), wav.Length - 8);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), channels);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), sampleRate * channels * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), (short)(channels * 2));
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        extra.CopyTo(wav.AsSpan(36));
        "data"u8.CopyTo(wav.AsSpan(36 + extra.Length));
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(40 + extra.Length), declared);
        return wav;
    }
}
