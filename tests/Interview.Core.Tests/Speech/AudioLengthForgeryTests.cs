using System.Buffers.Binary;
using Interview.Core.Speech;
using Xunit.Abstractions;

namespace Interview.Core.Tests.Speech;

/// <summary>
/// Containers whose stated length is a lie: the length read is what a decoder would play (the Opus packets, the
/// sample table), not the claim. Real files of every format are measured in Interview.Functions.Tests (AudioLengthTests).
/// </summary>
public sealed class AudioLengthForgeryTests(ITestOutputHelper output)
{
    // An Opus packet's first byte: config 31 (CELT, 20 ms), one frame.
    private const byte Opus20Ms = (31 << 3) | 0;

    [Theory]
    [InlineData(new byte[] { Opus20Ms }, 0.020)]
    [InlineData(new byte[] { (31 << 3) | 1 }, 0.040)]
    [InlineData(new byte[] { (1 << 3) | 0 }, 0.020)]
    [InlineData(new byte[] { (31 << 3) | 3, 6 }, 0.120)]
    [InlineData(new byte[] { (31 << 3) | 3, 63 }, 0.120)]
    [InlineData(new byte[] { }, 0)]
    public void Opus_packet_length_comes_from_its_first_byte(byte[] packet, double seconds) =>
        Assert.Equal(seconds, OpusPackets.Seconds(packet), 6);

    [Fact]
    public void Ogg_opus_whose_last_granule_claims_20_ms_is_as_long_as_its_packets()
    {
        byte[] head = [.. "OpusHead"u8, 1, 1, 0, 0, 0x80, 0xBB, 0, 0, 0, 0, 0];
        var pages = new List<byte[]> { OggPage(0, head), OggPage(0, [.. "OpusTags"u8, 0, 0, 0, 0, 0, 0, 0, 0]) };
        pages.AddRange(Enumerable.Range(0, 500).Select(_ => OggPage(960, [Opus20Ms, 1, 2, 3])));

        Assert.Equal(10, AudioLength.Of(pages.SelectMany(p => p).ToArray())!.Value.TotalSeconds, 3);
    }

    [Fact]
    public void Webm_whose_duration_and_timestamps_claim_a_second_is_as_long_as_its_opus_blocks()
    {
        byte[] info = Element(0x1549A966, Element(0x4489, BitConverter.GetBytes(1000.0).Reverse().ToArray()));
        byte[] tracks = Element(0x1654AE6B, Element(0xAE, Element(0x86, "A_OPUS"u8.ToArray())));
        // Every block at time 0 of a cluster at time 0: five hundred 20 ms packets that claim no time at all.
        var blocks = Enumerable.Range(0, 500).SelectMany(_ => Element(0xA3, [0x81, 0, 0, 0x80, Opus20Ms, 9, 9]));
        byte[] cluster = [.. Id(0x1F43B675), .. UnknownSize, .. Element(0xE7, [0]), .. blocks];
        byte[] ebml = Element(0x1A45DFA3, Element(0x4282, "webm"u8.ToArray()));
        byte[] file = [.. ebml, .. Id(0x18538067), .. UnknownSize, .. info, .. tracks, .. cluster];

        Assert.Equal(10, AudioLength.Of(file)!.Value.TotalSeconds, 3);
    }

    [Fact]
    public void Mp4_whose_movie_header_claims_a_second_is_as_long_as_its_sample_table()
    {
        byte[] mvhd = Box("mvhd", [.. new byte[12], .. U32(1000), .. U32(1000), .. new byte[80]]);
        byte[] mdhd = Box("mdhd", [.. new byte[12], .. U32(1000), .. U32(1000), 0, 0, 0, 0]);
        byte[] stts = Box("stts", [0, 0, 0, 0, .. U32(1), .. U32(1000), .. U32(1000)]);
        byte[] trak = Box("trak", Box("mdia", [.. mdhd, .. Box("minf", Box("stbl", stts))]));
        byte[] file = [.. Box("ftyp", "M4A \0\0\0\0"u8.ToArray()), .. Box("moov", [.. mvhd, .. trak])];

        Assert.Equal(1000, AudioLength.Of(file)!.Value.TotalSeconds, 3);
    }

    [Fact]
    public void Mp3_that_is_a_tag_and_no_frames_has_no_length()
    {
        byte[] tagOnly = [.. "ID3"u8, 4, 0, 0, 0x7F, 0x7F, 0x7F, 0x7F, .. new byte[64]];

        Assert.Null(AudioLength.Of(tagOnly));
    }

    [Theory]
    [InlineData(AudioFormat.Flac)]
    [InlineData(AudioFormat.Mp3)]
    public void Upload_of_nothing_but_sync_codes_is_read_in_one_pass(AudioFormat format)
    {
        // 25 MB, the upload limit, of FLAC frame syncs or MP3 frame headers, none of which checks out.
        var bytes = new byte[25 * 1024 * 1024];
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            (bytes[i], bytes[i + 1]) = format == AudioFormat.Flac ? ((byte)0xFF, (byte)0xF8) : ((byte)0xFF, (byte)0xE2);
        }

        if (format == AudioFormat.Flac)
        {
            // STREAMINFO with a 48 kHz rate and no total.
            byte[] header = [.. "fLaC"u8, 0x80, 0, 0, 34, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0B, 0xB8, 0x00, 0, 0, 0, 0, 0];
            header.CopyTo(bytes, 0);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var length = AudioLength.Of(bytes);

        // Printed, not asserted: the point is that it returns, in one linear pass.
        var ms = watch.Elapsed.TotalMilliseconds;
        output.WriteLine($"{format}: 25 MB of sync codes read in {ms:0} ms, length {length?.ToString() ?? "none"}");
        Assert.Equal(format, AudioSniffer.Detect(bytes));
    }

    private static readonly byte[] UnknownSize = [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];

    private static byte[] Id(uint id) => id > 0xFFFFFF ? U32(id) : id > 0xFFFF ? U32(id)[1..] : id > 0xFF ? U32(id)[2..] : [(byte)id];

    /// <summary>An EBML element with an 8-byte size, which every reader must accept.</summary>
    private static byte[] Element(uint id, byte[] data) => [.. Id(id), 0x01, 0, 0, 0, .. U32((uint)data.Length), .. data];

    private static byte[] Box(string type, byte[] data) =>
        [.. U32((uint)data.Length + 8), .. System.Text.Encoding.ASCII.GetBytes(type), .. data];

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    /// <summary>One Ogg page holding one packet (under 255 bytes), granule as given; the CRC is not checked by the reader.</summary>
    private static byte[] OggPage(long granule, byte[] packet)
    {
        var page = new byte[28 + packet.Length];
        "OggS"u8.CopyTo(page);
        BinaryPrimitives.WriteInt64LittleEndian(page.AsSpan(6), granule);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(14), 7);
        page[26] = 1;
        page[27] = (byte)packet.Length;
        packet.CopyTo(page, 28);
        return page;
    }
}
