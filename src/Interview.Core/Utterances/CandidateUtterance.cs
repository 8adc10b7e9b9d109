using System.Text.RegularExpressions;

namespace Interview.Core.Utterances;

/// <summary>
/// What kind of utterance a candidate turn is, with its sentences split into statements and questions to the
/// interviewer. The one place that decides it: the evaluators take evidence only from answers (and only from their
/// statements), and an interviewer can answer a candidate's question, wait out a pause or check in after a minimal answer.
/// Statements and questions are the turn's own sentences, verbatim, so a quote taken from them always checks out.
/// </summary>
public sealed partial record CandidateUtterance(UtteranceKind Kind, IReadOnlyList<string> Statements, IReadOnlyList<string> Questions)
{
    /// <summary>Beside a question, statements shorter than this ("Yes, thanks.") are the candidate asking, not answering.</summary>
    public const int AnswerWords = 15;

    public bool IsAnswer => Kind == UtteranceKind.Answer;

    public static UtteranceKind Classify(string text) => Of(text).Kind;

    public static CandidateUtterance Of(string text)
    {
        var sentences = SentenceBreak().Split(text.Trim()).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        // "Could you give me a second?" is a pause phrased as a question, not a question about the job.
        var questions = sentences.Where(s => IsQuestion(s) && !IsPause(s)).ToList();
        var statements = sentences.Where(s => !IsQuestion(s) && !IsPause(s)).ToList();
        return new CandidateUtterance(KindOf(text, statements, questions), statements, questions);
    }

    // First match wins. An instruction to the evaluator wins over everything, so padding it with an answer does not help.
    private static UtteranceKind KindOf(string text, List<string> statements, List<string> questions)
    {
        var analysis = AnswerAnalysis.Of(text);
        var normalized = AnswerAnalysis.Normalize(text);
        if (analysis.IsEmpty)
        {
            return UtteranceKind.Empty;
        }

        if (InstructionDetector.IsInstructionAttempt(text))
        {
            return UtteranceKind.InstructionToEvaluator;
        }

        if (analysis.AsksToRepeat || (analysis.Words <= AnswerAnalysis.BriefWords && MeaningQuestion().IsMatch(normalized)))
        {
            return UtteranceKind.ClarificationRequest;
        }

        if (questions.Count == 0 && (IsPause(text) || statements.Count == 0))
        {
            return UtteranceKind.Pause;
        }

        if (questions.Count > 0 && statements.Sum(s => AnswerAnalysis.CountWords(AnswerAnalysis.Normalize(s))) < AnswerWords)
        {
            return UtteranceKind.CandidateQuestion;
        }

        return analysis.Words <= 2 || MinimalPhrase().IsMatch(normalized) ? UtteranceKind.MinimalAnswer : UtteranceKind.Answer;
    }

    /// <summary>
    /// A question mark, or a question opener in a sentence with no end punctuation at all (speech transcripts often
    /// have none); "Which is why I added a cache." ends with a full stop and stays a statement.
    /// </summary>
    private static bool IsQuestion(string sentence)
    {
        var normalized = AnswerAnalysis.Normalize(sentence);
        return normalized.EndsWith('?') || AskingPhrase().IsMatch(normalized)
               || (char.IsLetterOrDigit(normalized[^1]) && QuestionOpener().IsMatch(normalized));
    }

    private static bool IsPause(string text)
    {
        var analysis = AnswerAnalysis.Of(text);
        var normalized = AnswerAnalysis.Normalize(text);
        return analysis.AsksForTime || (analysis.Words <= AnswerAnalysis.BriefWords && PausePhrase().IsMatch(normalized))
               || (!analysis.IsEmpty && FillerOnly().IsMatch(normalized));
    }

    [GeneratedRegex(@"(?<=[.!?…])\s+|[\r\n]+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(
        @"^(?:(?:and|so|also|ok|okay|well|um|uh|yes|yeah|sure|great|thanks|cool|right)[\s,]+)*(?:(?:what|how" +
        @"|who|where|which|why|when)(?:'s|\s+(?:is|are|was|were|do|does|did|can|could|would|will|should|kind" +
        @"|sort|type|big|many|much|long|often))|(?:is|are|do|does|did|can|could|will|would|should|have" +
        @"|has)\s+(?:you|the|there|it|this|that|your|they|we|i|people|engineers|someone)|(?:can|may" +
        @"|could) i ask)\b")]
    private static partial Regex QuestionOpener();

    [GeneratedRegex(
        @"\b(?:i(?:'m| am| was) wondering (?:if|whether|what|how|who|why|about)|i'd (?:like|love) to (?:know" +
        @"|hear|ask)|(?:could|can) you tell me)\b")]
    private static partial Regex AskingPhrase();

    [GeneratedRegex(@"\b(?:(?:do|did) you mean|mean by|what exactly (?:do|did) you|which (?:one|part) (?:do|did) you)\b")]
    private static partial Regex MeaningQuestion();

    [GeneratedRegex(
        @"\b(?:good|great|interesting|tough|hard) question|let me see|let's see|bear with me|hold on|hang on" +
        @"|let me (?:recall|remember|gather my thoughts)\b")]
    private static partial Regex PausePhrase();

    [GeneratedRegex(@"^(?:(?:u+m+|u+h+|uhm|erm?|a+h+|eh|h+m+|m{2,}|well|so|okay so|right so|let me see)[\s,.!?…\-]*)+$")]
    private static partial Regex FillerOnly();

    [GeneratedRegex(
        @"^(?:(?:yes|yeah|yep|yup|no|nope|nah|ok|okay|sure|maybe|fine|right|alright|correct|exactly|true" +
        @"|definitely|probably|of course|i|i'm|don't|dont|do|did|have|not|know|idk|dunno|really|idea|guess|so" +
        @"|think|nothing|pass|thanks|thank you|no comment|sorry|that's it|that's all|none)[\s,.!?…\-]*){1,6}$")]
    private static partial Regex MinimalPhrase();
}
