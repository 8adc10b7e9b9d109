using Interview.Core.Agent;
using Interview.Core.Speech;
using Interview.Functions.Speech.Offline;
using Interview.Functions.Http;

namespace Interview.Functions.Sessions;

/// <summary>
/// The optional "transcript" field of a spoken turn: the words the page recognised with live speech while the candidate
/// spoke. It comes only with the "audio" part it describes, and is held to the limits of typed text.
/// </summary>
internal static class RecognisedTranscript
{
    public const string Field = "transcript";

    public static (string? Text, IResult? Problem) Read(IFormCollection form, bool withAudio, InterviewOptions limits)
    {
        if (!form.TryGetValue(Field, out var value))
        {
            return (null, null);
        }

        if (!withAudio)
        {
            return (null, Problems.Create(ErrorCodes.MissingAnswer,
                "A 'transcript' field comes with the 'audio' part it was recognised from."));
        }

        // Nothing recognised live is no transcript: the recording is transcribed as it would be without one.
        var text = value.ToString();
        return TurnRequestReader.TextProblem(text, Field, limits) is { } problem ? (null, problem)
            : string.IsNullOrWhiteSpace(text) ? (null, null)
            : (text, null);
    }

    /// <summary>
    /// The optional "stream_id" field: the server heard this recording's chunks as the candidate spoke (offline speech,
    /// <see cref="ListenFunction"/>). It too comes only with the "audio" part.
    /// </summary>
    public static (string? StreamId, IResult? Problem) ReadStream(IFormCollection form, bool withAudio)
    {
        if (!form.TryGetValue(StreamId.Field, out var value))
        {
            return (null, null);
        }

        return !withAudio ? (null,
            Problems.Create(ErrorCodes.MissingAnswer, "A 'stream_id' field comes with the 'audio' part that was heard."))
            : !StreamId.IsValid(value)
                ? (null, Problems.Create(ErrorCodes.InvalidField, "A 'stream_id' is 1-64 characters of A-Za-z0-9_-."))
            : (value.ToString(), null);
    }

    /// <summary>
    /// With words recognised in the page, or heard by the server while the candidate spoke (when the recording is the one it
    /// heard), the recording is only stored; without, it is transcribed whole as before.
    /// </summary>
    public static async Task<TurnInput> InputAsync(AudioClip audio, string? recognised, HeardLive? live, CancellationToken ct)
    {
        recognised ??= live is null ? null : await live.Listening.WordsAsync(live.InterviewId, live.StreamId, audio.Bytes, ct);
        return recognised is null ? TurnInput.FromAudio(audio) : TurnInput.FromRecognisedAudio(audio, recognised);
    }
}

/// <summary>The stream a turn names, with what listened to it.</summary>
internal sealed record HeardLive(LiveListening Listening, string InterviewId, string StreamId);
