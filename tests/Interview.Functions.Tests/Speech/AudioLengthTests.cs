using System.Buffers.Binary;
using System.Diagnostics;
using Interview.Core.Speech;
using Xunit.Abstractions;

namespace Interview.Functions.Tests.Speech;

/// <summary>
/// The length of every accepted format read from real files before any decoding: a short tone to a tenth of a second,
/// a two-hour recording as two hours (including WebM written live without a Duration, and a FLAC whose header still
/// says 7 s), and a WAV whose header claims 2 s over half an hour of samples as half an hour.
/// </summary>
public sealed class AudioLengthTests(LengthRecordings files, ITestOutputHelper output) : IClassFixture<LengthRecordings>
{
    public static TheoryData<string> Formats => [.. LengthRecordings.Formats];

    public static TheoryData<string> Looped => [.. LengthRecordings.Looped];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Short_recording_is_as_long_as_was_recorded(string format)
    {
        var length = AudioLength.Of(files[format]);

        // Encoders add a few milliseconds of priming and padding; MP3 rounds up to whole frames.
        Assert.NotNull(length);
        Assert.InRange(length.Value.TotalSeconds, LengthRecordings.ShortSeconds - 0.05, LengthRecordings.ShortSeconds + 0.1);
    }

    [Theory]
    [MemberData(nameof(Looped))]
    public void Two_hour_recording_is_two_hours_long(string format)
    {
        var bytes = files[format + "-2h"];
        var watch = Stopwatch.StartNew();

        var length = AudioLength.Of(bytes);

        var ms = watch.Elapsed.TotalMilliseconds;
        output.WriteLine($"{format}: {bytes.Length / 1e6:0.0} MB read as {length?.TotalSeconds:0} s in {ms:0.0} ms");
        Assert.NotNull(length);
        // Each loop repeats the encoder's priming and padding, so the sum runs a little over 7203 s.
        var recorded = LengthRecordings.Loops * LengthRecordings.ShortSeconds;
        Assert.InRange(length.Value.TotalSeconds, recorded * 0.99, recorded * 1.03);
    }

    [Fact]
    public void Wav_header_claiming_two_seconds_over_half_an_hour_of_samples_is_half_an_hour()
    {
        var forged = ForgedWav(claimedSeconds: 2, actualSeconds: 1800);

        Assert.Equal(TimeSpan.FromSeconds(1800), AudioLength.Of(forged));
    }

    [Fact]
    public void Recording_cut_after_its_first_bytes_has_no_length_rather_than_a_short_one()
    {
        Assert.Null(AudioLength.Of(files["webm-opus"].AsSpan(0, 40)));
        Assert.Null(AudioLength.Of(files["m4a-aac"].AsSpan(0, 40)));
        Assert.Null(AudioLength.Of(files["ogg-opus"].AsSpan(0, 40)));
    }

    /// <summary>8 kHz mono 8-bit silence (8000 bytes a second) under a header claiming <paramref name="claimedSeconds"/>.</summary>
    public static byte[] ForgedWav(int claimedSeconds, int actualSeconds)
    {
        var wav = new byte[44 + (8000 * actualSeconds)];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + (8000 * claimedSeconds));
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), 8000);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), 8000);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 8);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), 8000 * claimedSeconds);
        wav.AsSpan(44).Fill(0x80);
        return wav;
    }
}
