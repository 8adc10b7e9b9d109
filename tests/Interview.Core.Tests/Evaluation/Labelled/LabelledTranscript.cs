using Interview.Core.Domain;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Evaluation.Labelled;

/// <summary>Who the candidate is, judged by a person reading the whole transcript.</summary>
internal enum Band
{
    Strong,
    Average,
    Weak,
}

/// <summary>A hand-written interview with the band a person would give it, in one candidate's style.</summary>
internal sealed record LabelledTranscript(string Style, Band Expected, IReadOnlyList<ConversationTurn> Turns)
{
    /// <summary>The recommendations that agree with the band: an average candidate gets neither strong verdict.</summary>
    public IReadOnlyList<string> Acceptable => Expected switch
    {
        Band.Strong => ["yes", "strong_yes"],
        Band.Average => ["no", "yes"],
        _ => ["no", "strong_no"],
    };
}

/// <summary>
/// Builds a transcript the way the rules interviewer runs one: a bank question (its text, after an acknowledgement)
/// or a follow-up, then the candidate's answer. <see cref="Say"/> is an interviewer that words its own questions.
/// </summary>
internal sealed class InterviewScript(string style, Band expected)
{
    private readonly List<ConversationTurn> _turns = [];

    public InterviewScript Ask(string questionId, string answer)
    {
        var question = TestPlans.Default.Phases.SelectMany(p => p.Questions).Single(q => q.Id == questionId);
        return Exchange($"Thanks, that's helpful. {question.Text}", ActionType.NewQuestion, answer);
    }

    public InterviewScript FollowUp(string answer) =>
        Exchange("Could you make that concrete with a real example from your work, ideally with the numbers involved?",
            ActionType.AskFollowup, answer);

    public InterviewScript Say(string question, string answer) => Exchange(question, ActionType.NewQuestion, answer);

    public LabelledTranscript Done() => new(style, expected, _turns.ToList());

    private InterviewScript Exchange(string question, ActionType action, string answer)
    {
        _turns.Add(new ConversationTurn(Roles.Interviewer, question, null, FixedClock.Start.UtcDateTime, "technical", action));
        // Raw string literals wrap long answers over several lines; the candidate said them as one.
        var said = string.Join(' ', answer.Split('\n', StringSplitOptions.TrimEntries));
        _turns.Add(new ConversationTurn(Roles.Candidate, said, null, FixedClock.Start.UtcDateTime, "technical"));
        return this;
    }
}
