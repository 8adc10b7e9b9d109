using Interview.Core.Sessions;
using Interview.Core.Domain;

namespace Interview.Core.Speech;

/// <summary>
/// The one place that decides whether a recording can be answered: there is a speech-to-text, the bytes are a format
/// it decodes, and the recording is no longer than <paramref name="maxSeconds"/>. The length is read from the bytes
/// (<see cref="AudioLength"/>) before anything is stored, decoded or sent to a provider, in every format; a recording
/// whose length cannot be read is refused too, since nothing else would bound the work it costs. The decoded length
/// is checked again after, against the same limit.
/// </summary>
public sealed class AudioGate(int maxSeconds, ISpeechToText? speechToText = null)
{
    public bool AcceptsAudio => speechToText is not null;

    /// <summary>The formats the speech-to-text decodes; empty without one.</summary>
    public IReadOnlySet<AudioFormat> Formats => speechToText?.AcceptedFormats ?? new HashSet<AudioFormat>();

    /// <summary>Before any work, from the bytes alone: null when the recording may be transcribed.</summary>
    public AudioRefusal? Check(AudioClip audio)
    {
        var format = audio.Format;
        if (format == AudioFormat.Unknown)
        {
            return new(SessionError.UnsupportedAudioFormat, "The 'audio' part is not WAV, Ogg, WebM, MP3, MP4/M4A or FLAC audio.");
        }

        if (speechToText is null)
        {
            return new(SessionError.AudioNotSupported,
                "No speech-to-text is configured, so audio answers cannot be transcribed. Send the answer as a 'text' field, or " +
                    "configure speech-to-text.");
        }

        if (!Formats.Contains(format))
        {
            return new(SessionError.UnsupportedAudioFormat,
                $"This speech-to-text accepts {string.Join(", ", Formats.Order())} audio; this recording is {format}.");
        }

        return AudioLength.Of(audio.Bytes.Span) is { } duration
            ? CheckLength(duration)
            : new(SessionError.UnsupportedAudioFormat,
                $"The length of this {format} recording cannot be read from it; it may be damaged or cut short.");
    }

    /// <summary>After decoding: the length the speech-to-text found.</summary>
    public AudioRefusal? CheckLength(TimeSpan duration) => duration.TotalSeconds > maxSeconds
        ? new(SessionError.AudioTooLong, $"Answers are limited to {maxSeconds} seconds of audio; this one is {duration.TotalSeconds:0} s.")
        : null;
}

/// <summary>Why a recording is refused, as the session error the edge maps to a status.</summary>
public sealed record AudioRefusal(SessionError Error, string Detail);
