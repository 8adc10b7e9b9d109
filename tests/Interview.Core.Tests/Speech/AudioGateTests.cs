using Interview.Core.Sessions;
using Interview.Core.Speech;
using Interview.Core.Tests.TestDoubles;
using Interview.Core.Domain;

namespace Interview.Core.Tests.Speech;

/// <summary>The one place that decides whether a recording can be answered.</summary>
public sealed class AudioGateTests
{
    private static readonly AudioClip Wav = new(TestWav.Silence(seconds: 2), "audio/wav");

    [Fact]
    public void Without_speech_to_text_no_recording_is_accepted()
    {
        var gate = new AudioGate(300);

        Assert.False(gate.AcceptsAudio);
        Assert.Empty(gate.Formats);
        Assert.Equal(SessionError.AudioNotSupported, gate.Check(Wav)?.Error);
    }

    [Fact]
    public void Bytes_of_no_known_format_are_refused_before_anything_else()
    {
        var gate = new AudioGate(300);

        Assert.Equal(SessionError.UnsupportedAudioFormat, gate.Check(new AudioClip("hello"u8.ToArray(), "audio/wav"))?.Error);
    }

    [Fact]
    public void A_format_the_speech_to_text_cannot_decode_is_refused_naming_what_it_accepts()
    {
        var gate = new AudioGate(300, new FakeSpeechToText("x"));
        var ogg = new AudioClip("OggS\0\u0002\0\0\0\0\0\0\0\0"u8.ToArray(), "audio/ogg");

        var refusal = gate.Check(ogg);

        Assert.Equal(SessionError.UnsupportedAudioFormat, refusal?.Error);
        Assert.Contains("Wav", refusal!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wav_recording_within_the_limit_passes_and_one_over_it_is_too_long()
    {
        Assert.Null(new AudioGate(300, new FakeSpeechToText("x")).Check(Wav));
        Assert.Equal(SessionError.AudioTooLong, new AudioGate(1, new FakeSpeechToText("x")).Check(Wav)?.Error);
    }

    [Fact]
    public void A_wav_header_claiming_less_than_the_samples_sent_is_judged_by_the_samples()
    {
        var forged = TestWav.Silence(seconds: 90);
        // The RIFF and data sizes now claim one second; 90 seconds of samples follow.
        BitConverter.GetBytes(36 + 8000).CopyTo(forged, 4);
        BitConverter.GetBytes(8000).CopyTo(forged, 40);

        var refusal = new AudioGate(60, new FakeSpeechToText("x")).Check(new AudioClip(forged, "audio/wav"));

        Assert.Equal(SessionError.AudioTooLong, refusal?.Error);
    }

    [Fact]
    public void A_recording_whose_length_cannot_be_read_is_refused_as_unusable()
    {
        var headerOnly = new AudioClip("RIFF\0\0\0\0WAVEfmt "u8.ToArray(), "audio/wav");

        var refusal = new AudioGate(300, new FakeSpeechToText("x")).Check(headerOnly);

        Assert.Equal(SessionError.UnsupportedAudioFormat, refusal?.Error);
        Assert.Contains("length", refusal!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Decoded_length_is_checked_against_the_same_limit()
    {
        var gate = new AudioGate(60, new FakeSpeechToText("x"));

        Assert.Null(gate.CheckLength(TimeSpan.FromSeconds(60)));
        Assert.Equal(SessionError.AudioTooLong, gate.CheckLength(TimeSpan.FromSeconds(61))?.Error);
    }
}
