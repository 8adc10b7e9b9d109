using Interview.Core.Domain;
using Interview.Core.Speech;

namespace Interview.Core.Agent;

/// <summary>A candidate's answer: typed text or recorded audio, never both.</summary>
public sealed record TurnInput
{
    private TurnInput(string? text, AudioClip? audio) => (Text, Audio) = (text, audio);

    public string? Text { get; }

    public AudioClip? Audio { get; }

    /// <summary>Set when the candidate began this answer by speaking over the interviewer's line.</summary>
    public Interruption? Interruption { get; init; }

    public static TurnInput FromText(string text) => new(text, null);

    public static TurnInput FromAudio(AudioClip audio) => new(null, audio);
}

/// <summary>Who the interview is for. Every member is optional; the plan supplies the defaults.</summary>
public sealed record StartOptions(string? CandidateName = null, string? Role = null, string? PlanId = null);
