using System.Text.Json.Nodes;
using Interview.Personas.Cast;

namespace Interview.Personas.Results;

/// <summary>How one persona's interview went: the final session_state and the evaluation report as the API returned them.</summary>
public sealed record PersonaOutcome(
    Persona Persona, string InterviewId, int Turns, bool Concluded, JsonNode? State, JsonNode? Report, IReadOnlyList<string> AskedQuestions,
        string? Failure, int Resets = 0);
