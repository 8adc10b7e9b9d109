using Interview.Core.Domain;
using Interview.Core.Speech;

namespace Interview.Core.Agent;

/// <summary>
/// A candidate's answer: typed text, recorded audio, or a recording with the words the page already recognised while the
/// candidate spoke (live speech): then the recording is kept for the record and not transcribed again.
/// </summary>
public sealed record TurnInput
{
    private TurnInput(string? text, AudioClip? audio) => (Text, Audio) = (text, audio);

    public string? Text { get; }

    public AudioClip? Audio { get; }

    /// <summary>Set when the candidate began this answer by speaking over the interviewer's line.</summary>
    public Interruption? Interruption { get; init; }

    public static TurnInput FromText(string text) => new(text, null);

    public static TurnInput FromAudio(AudioClip audio) => new(null, audio);

    public static TurnInput FromRecognisedAudio(AudioClip audio, string transcript) => new(transcript, audio);
}

/// <summary>Who the interview is for. Every member is optional; the plan supplies the defaults.</summary>
public sealed record StartOptions(string? CandidateName = null, string? Role = null, string? PlanId = null);
