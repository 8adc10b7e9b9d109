namespace Interview.Core.Agent;

/// <summary>
/// The word or two an interviewer says the moment an answer ends ("Okay.", "I see."), while the model is still writing
/// its reply: a person does the same, and it is what the candidate hears instead of silence. Said only on a streamed,
/// spoken turn of a model brain (the rules brain answers in milliseconds; a buffered turn plays nothing early), and only
/// after an answer of a few words: "I see." before "Could you say that again?" would be false. None of them thanks, as
/// the reply often does ("Thanks for walking me through that"), and "Thank you. Thanks, Ada." is said by no one.
/// The phrases are fixed wording, so their audio is made once and shared by every interview.
/// </summary>
public static class Acknowledgement
{
    /// <summary>Fewer words than this are no answer to acknowledge: silence, "um", "ok".</summary>
    public const int MinimumWords = 4;

    public static readonly IReadOnlyList<string> Phrases = ["Okay.", "I see.", "Alright.", "Right."];

    /// <summary>The phrase for an answer after <paramref name="candidateTurns"/> earlier ones, or null when it gets none.</summary>
    public static string? For(string answer, int candidateTurns) =>
        answer.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < MinimumWords
            ? null
            : Phrases[candidateTurns % Phrases.Count];
}
