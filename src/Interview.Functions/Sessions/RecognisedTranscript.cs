using Interview.Core.Agent;
using Interview.Core.Speech;
using Interview.Functions.Edge;
using Interview.Functions.Interviewer;

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

    /// <summary>With recognised words the recording is only stored; without, it is transcribed as before.</summary>
    public static TurnInput Input(AudioClip audio, string? recognised) =>
        recognised is null ? TurnInput.FromAudio(audio) : TurnInput.FromRecognisedAudio(audio, recognised);
}
