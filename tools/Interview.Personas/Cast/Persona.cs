namespace Interview.Personas.Cast;

/// <summary>
/// A scripted candidate. A new bank question gets its own answer when the script has one (<see cref="ByQuestion"/>),
/// anything else (a follow-up, a check-in, a question without one) the next of <see cref="Answers"/>. Questions of the
/// candidate's own go with some answers (every <see cref="AskEvery"/>th turn) and, in the closing question, one per turn
/// until <see cref="ClosingQuestions"/> run out and <see cref="ClosingLine"/> ends it.
/// </summary>
public sealed record Persona(
    string Name,
    string Candidate,
    IReadOnlyDictionary<string, string> ByQuestion,
    IReadOnlyList<string> Answers,
    string ClosingLine,
    IReadOnlyList<string>? Questions = null,
    IReadOnlyList<string>? ClosingQuestions = null,
    int AskEvery = 3)
{
    /// <summary>
    /// The answer at <paramref name="turn"/> (1-based) to the question on the table, and the question of their own in it, if any.
    /// <paramref name="asked"/> holds the questions the candidate asked so far; none is asked twice.
    /// </summary>
    public (string Text, string? Question) Next(int turn, string? questionId, bool fresh, bool closing, IReadOnlyCollection<string> asked)
    {
        if (closing)
        {
            return (ClosingQuestions ?? []).FirstOrDefault(q => !asked.Contains(q)) is { } last ? (last, last) : (ClosingLine, null);
        }

        var answer = fresh && questionId is not null && ByQuestion.TryGetValue(questionId, out var own) ? own
            : Answers[(turn - 1) % Answers.Count];
        return turn % AskEvery == 1 && (Questions ?? []).FirstOrDefault(q => !asked.Contains(q)) is { } mine ? ($"{answer} {mine}", mine)
            : (answer, null);
    }
}
