namespace Interview.Personas.Cast;

/// <summary>Every scripted candidate, in the order the table lists them.</summary>
public static class Roster
{
    public static IReadOnlyList<Persona> All { get; } =
    [
        Prepared.Strong, Prepared.Average, Struggling.Weak, Struggling.Evasive, Struggling.OffTopic, Struggling.Minimal,
        Special.QuestionAsker, Special.PromptInjector, Special.NonNative,
    ];

    public static Persona? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
