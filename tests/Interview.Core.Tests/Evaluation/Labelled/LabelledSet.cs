namespace Interview.Core.Tests.Evaluation.Labelled;

/// <summary>
/// Hand-labelled interviews, each with the band a person would give it: strong, average, weak. The evaluator's scores
/// must agree with the band (<see cref="LabelledSetTests"/>).
/// </summary>
internal static class LabelledSet
{
    public static IReadOnlyList<LabelledTranscript> All =>
    [
        StrongCandidates.TerseEngineer, StrongCandidates.Storyteller, StrongCandidates.NumbersHeavy,
        StrongCandidatesInOtherVoices.NonNativeShortSentences, StrongCandidatesInOtherVoices.ModelInterviewerWithPauses,
        AverageCandidates.ConcreteButUnmeasured, AverageCandidates.UnevenTechnicalOnly, AverageCandidates.Rambling,
        AverageCandidates.Hypothetical,
        WeakCandidates.VagueBuzzwords, WeakCandidates.MinimalAnswers, WeakCandidates.Injector, WeakCandidates.UnsureAndGeneric,
        WeakCandidates.QuestionsAndPauses,
    ];

    public static LabelledTranscript Named(string style) => All.Single(t => t.Style == style);
}
