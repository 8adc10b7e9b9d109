using Interview.Core.Plans;

namespace Interview.Core.Drafting;

/// <summary>
/// A drafted plan's budgets by seniority: a junior hire gets fewer skill questions and may answer more briefly;
/// senior and lead hires get a second follow-up to probe depth, and a lead one more behavioral question.
/// </summary>
internal sealed record DraftBudgets(int Intro, int Skills, int Behavioral, int Followups, int MinAnswerWords)
{
    public static DraftBudgets For(Seniority level) => level switch
    {
        Seniority.Junior => new(2, 3, 2, 1, 10),
        Seniority.Senior => new(2, 4, 3, 2, 20),
        Seniority.Lead => new(2, 4, 4, 2, 20),
        _ => new(2, 4, 3, 1, 15),
    };

    /// <summary>Every primary question, and about half as many again for follow-ups and clarifications.</summary>
    public static int Overall(int primary) => primary + (primary / 2) + 1;
}
