using Interview.Core.Plans;

namespace Interview.Core.Speech;

/// <summary>
/// The wording every candidate of a plan hears alike: the plan's own text (questions, transitions, closing remark, job
/// facts) and the interviewer's fixed phrases, cut into pieces where a sentence or clause ends. Built once per plan.
/// </summary>
public sealed class FixedLines
{
    /// <summary>No fixed wording: every line is the interview's own.</summary>
    public static readonly FixedLines None = new([]);

    private readonly HashSet<string> _pieces;

    private FixedLines(IEnumerable<string> texts) => _pieces = texts.SelectMany(Pieces).ToHashSet(StringComparer.Ordinal);

    /// <summary>The plan's text and <paramref name="wording"/> (what the interviewer says alike to everyone on it).</summary>
    public static FixedLines Of(InterviewPlan plan, IEnumerable<string> wording) =>
        new([
            .. wording,
            plan.ClosingRemark,
            .. plan.Phases.Select(p => p.Transition),
            .. plan.Phases.SelectMany(p => p.Questions).Select(q => q.Text),
            .. (plan.About?.Facts() ?? []).Select(f => f.Text).OfType<string>(),
        ]);

    /// <summary>
    /// Whether <paramref name="text"/> may be shared between interviews (synthesized once, kept when an interview is
    /// erased): only when every piece of it is fixed wording. This fails closed: a model's own words, the candidate's name
    /// or a part of it, an answer quoted back, each make a piece no plan defines, so the line is the interview's and is
    /// erased with it. Pieces end exactly where a streamed line can be cut into sentences (punctuation, then a space), so
    /// each sentence of a fixed line is fixed too. Whitespace is normalised; case and punctuation are not.
    /// </summary>
    public bool IsFixed(string text)
    {
        var pieces = Pieces(text).ToList();
        return pieces.Count > 0 && pieces.TrueForAll(_pieces.Contains);
    }

    private static IEnumerable<string> Pieces(string text)
    {
        var piece = new List<string>();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            piece.Add(word);
            if (word[^1] is '.' or '!' or '?' or ',' or ';' or ':')
            {
                yield return string.Join(' ', piece);
                piece.Clear();
            }
        }

        if (piece.Count > 0)
        {
            yield return string.Join(' ', piece);
        }
    }
}
