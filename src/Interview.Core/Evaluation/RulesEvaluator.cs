using System.Text.RegularExpressions;
using Interview.Core.Domain;
using Interview.Core.Plans;
using Interview.Core.Rules;
using Interview.Core.Utterances;

namespace Interview.Core.Evaluation;

/// <summary>
/// The offline evaluator. For each competency it takes the candidate answers that give evidence of it (its keywords,
/// or an answer to a plan question on it) and scores from the strongest, following the model evaluator's rubric:
/// 1 no evidence, 2 only vague evidence, 3 a concrete action or a measurement, 4 both, 5 a complete measured
/// situation-action-result story backed by another answer with specifics. Quotes are the answers' own sentences, so
/// every citation checks out; see <see cref="AnswerEvidence"/> for what is never evidence, and an answer off the
/// subject of work is none either, whatever question it followed.
/// </summary>
public sealed partial class RulesEvaluator : ICompetencyEvaluator
{
    public const string RubricVersion = "rubric-2026-12";

    public string Name => "rules";

    public string PromptVersion => "none";

    public Task<CompetencyScore> ScoreAsync(InterviewPlan plan, Competency competency, IReadOnlyList<ConversationTurn> transcript,
        CancellationToken cancellationToken)
    {
        var asked = AskedCompetencies(plan, transcript);
        var relevant = transcript
            .Select((turn, index) => (turn, index))
            .Where(t => t.turn.Role == Roles.Candidate)
            .Select(t => AnswerEvidence.Of(t.index, t.turn.Content, competency, asked[t.index] == competency.Name
                && AboutWork(plan, t.turn.Content)))
            .OfType<AnswerEvidence>()
            .OrderByDescending(a => a.Quality).ThenBy(a => a.Turn)
            .ToList();

        if (relevant.Count == 0)
        {
            return Task.FromResult(new CompetencyScore(competency.Name, 1, $"No answer gave evidence of {Display(competency.Name)}.", []));
        }

        var best = relevant[0];
        var backed = best.Story.Complete && relevant.Skip(1).Any(a => a.Quality > 0);
        var score = 2 + Math.Min(best.Quality, 2) + (backed ? 1 : 0);
        var evidence = relevant.Take(2).Select(a => new Citation(a.Turn, a.Quote)).ToList();
        var traits = best.Traits().ToList();
        var why = relevant.SelectMany(a => a.Mentions).Distinct().Take(4).ToList();
        if (relevant.Any(a => a.AnswersItsQuestion))
        {
            why.Add("answered its plan question");
        }

        var strongest = traits.Count > 0
            ? $"the strongest gave {string.Join(", ", traits)}"
            : "none said what the candidate did in a concrete situation or measured it";
        var rationale = $"{relevant.Count} answer(s) touched {Display(competency.Name)} ({string.Join(", ", why)}); {strongest}" +
                        (backed ? ", and another answer added specifics." : ".");
        return Task.FromResult(new CompetencyScore(competency.Name, score, rationale, evidence));
    }

    /// <summary>
    /// For each turn, the competency of the plan question being answered: the last bank question the interviewer asked
    /// (its text is in the interviewer's line), kept through follow-ups and clarifications, forgotten at a question not
    /// from the bank. A model interviewer words its own questions, so there only the keywords count.
    /// </summary>
    private static string?[] AskedCompetencies(InterviewPlan plan, IReadOnlyList<ConversationTurn> transcript)
    {
        var bank = plan.Phases.SelectMany(p => p.Questions).ToList();
        var asked = new string?[transcript.Count];
        string? current = null;
        for (var i = 0; i < transcript.Count; i++)
        {
            var turn = transcript[i];
            if (turn.Role == Roles.Interviewer && turn.ActionType is not (ActionType.AskFollowup or ActionType.Clarify))
            {
                current = bank.FirstOrDefault(q => turn.Content.Contains(q.Text, StringComparison.OrdinalIgnoreCase))?.Competency;
            }

            asked[i] = current;
        }

        return asked;
    }

    /// <summary>
    /// An answer to a competency's question counts without that competency's keywords, but only when it speaks of work at all (any
    /// competency's keywords, the plan's vocabulary, or everyday work words): a sourdough story in reply to a design question is no
    /// evidence of design.
    /// </summary>
    private static bool AboutWork(InterviewPlan plan, string answer) =>
        WorkWords().IsMatch(answer) || plan.Competencies.Any(c => TopicDetector.Mentions(c, answer).Count > 0)
        || (plan.Vocabulary ?? []).Any(v => answer.Contains(v, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(
        @"\b(?:work(?:ed|ing)?|job|company|employer|project|product|customers?|users?|clients?|code|software|services?|systems?|apps?" +
        @"|applications?|features?|bugs?|releases?|production|servers?|data|pages?|website|engineer\w*|develop\w*|manager|colleagues?" +
        @"|librar(?:y|ies)|dependenc(?:y|ies)|sprints?|upgrad\w*|frameworks?|deploy\w*|migrat\w*|tickets?|backlog|platforms?|cloud)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WorkWords();

    private static string Display(string name) => name.Replace('_', ' ');
}
