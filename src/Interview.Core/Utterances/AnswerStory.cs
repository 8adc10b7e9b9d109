using System.Text.RegularExpressions;

namespace Interview.Core.Utterances;

/// <summary>
/// The situation-action-result shape of one answer, read from ordinary phrasing: a situation ("when checkout latency
/// doubled", "at my last job"), what the candidate did ("I profiled it, found N+1 queries, batched them", or terse
/// verb-first clauses, or the present tense of a non-native speaker), an outcome ("dropped", "as a result"), and a
/// measurement ("from 900 to 180 milliseconds", "in two days", "by half"). "I would add a cache" is not an action.
/// <see cref="Personal"/>: the candidate speaks of themselves ("I", "my"), not only of what "we" did.
/// </summary>
public sealed partial record AnswerStory(bool Situation, bool Action, bool Outcome, bool Measured, bool Personal)
{
    /// <summary>What the candidate did, in a concrete situation.</summary>
    public bool Concrete => Situation && Action;

    /// <summary>Situation, action and a measured outcome: the shape of a well-told behavioural answer.</summary>
    public bool Complete => Concrete && Outcome && Measured;

    public static AnswerStory Of(string text)
    {
        var normalized = AnswerAnalysis.Normalize(text);
        return new AnswerStory(
            Situation: AnswerAnalysis.Of(text).HasExample || SituationPattern().IsMatch(normalized),
            Action: FirstPersonAction().IsMatch(normalized) || VerbFirstAction().IsMatch(normalized),
            Outcome: OutcomePattern().IsMatch(normalized),
            Measured: MeasurePattern().IsMatch(normalized),
            Personal: FirstPersonSingular().IsMatch(normalized));
    }

    [GeneratedRegex(@"\b(?:i|i'm|i've|i'd|me|my|myself)\b")]
    private static partial Regex FirstPersonSingular();

    [GeneratedRegex(
        @"\b(?:when|while|after|during|once|we had|there was|there were|our [\w-]+(?: [\w-]+)? (?:was|were|had" +
        @"|kept|got|took|hit|went|became|doubled|crashed|failed|broke)|the (?:situation|problem|issue|context" +
        @"|challenge|bug|incident|outage) (?:was|is|came)|last (?:year|month|quarter|week|spring|summer|autumn" +
        @"|fall|winter)|(?:one|a) (?:time|day|week|night|friday|sprint)|in 20\d\d|on-call|an incident" +
        @"|an outage|a customer|the project|(?:at|in) (?:my|our) (?:\w+ )?(?:job|company|team|role|employer" +
        @"|startup|client|project|bank|department))\b")]
    private static partial Regex SituationPattern();

    // "I/we" and a past-tense verb, or one of the verbs engineers use for what they do in the present tense. Feelings
    // and wishes ("I wanted", "I liked") and hypotheticals ("I would", "I'd") are not actions.
    [GeneratedRegex(
        @"\b(?:i|we)\s+(?:(?:then|also|first|quickly|finally|eventually|personally|just|immediately|actually" +
        @"|together|all|always|usually)\s+)?(?!(?:wanted|needed|liked|loved|hated|hoped|wished|seemed|felt" +
        @"|believed|enjoyed|preferred|supposed|expected|guessed|imagined|assumed|used to)\b)(?:[a-z]{2,}ed" +
        @"|built|wrote|found|led|set up|ran|made|took|drove|brought|put|got|cut|split|rewrote|shipped|chose" +
        @"|broke|spent|began|kept|taught|told|gave|held|dug|caught|won|read|threw|sent|met|sat down|check|find" +
        @"|add|fix|profile|measure|write|build|change|move|batch|cache|deploy|test|ask|explain|review|lead" +
        @"|teach|create|run|rewrite|trace|reproduce|roll back|replace|remove|migrate|monitor|talk|organi[sz]e" +
        @"|propose|design|implement|refactor|debug|investigate|analy[sz]e|document|automate|introduce|own" +
        @"|mentor|pair|collect|learn|shard|index|benchmark|rollback|upgrade|help|take|plan|start|clean up" +
        @"|train|coach|convince)\b")]
    private static partial Regex FirstPersonAction();

    // Terse notes drop the pronoun: "Profiled checkout. Found N+1 queries, batched them."
    [GeneratedRegex(
        @"(?:^|[.;:!?]\s+|,\s+(?:and\s+)?(?:then\s+)?|\band then\s+)(?!(?:based|related|interested|supposed" +
        @"|indeed|speed|need|seed|feed|embed|used to)\b)(?:[a-z]{3,}ed|built|wrote|found|led|set up|ran|cut" +
        @"|split|rewrote|shipped|chose|caught|dug|sent|kept|took)\b")]
    private static partial Regex VerbFirstAction();

    [GeneratedRegex(
        @"\b(?:as a result|the result|resulted|the outcome|in the end|so that|afterwards|after that|since then" +
        @"|which (?:meant|cut|reduced|improved|saved|halved|fixed|removed|dropped|let)|dropped|drop|fell" +
        @"|went (?:down|up|from)|go(?:es)? (?:down|from)|came down|cut|reduced?|decreased?|improved?" +
        @"|increased?|rose|grew|saved?|halved|doubled|tripled|shrank|sped up|eliminated|stopped|fixed|resolved" +
        @"|disappeared|shipped|launched|delivered|finished|promoted|passed|zero|no more|never again|faster" +
        @"|fewer|(?:within|after|in) (?:about |only |just )?(?:a|one|two|three|four|five|six|\d+) (?:days?" +
        @"|weeks?|months?|quarters?|sprints?))\b")]
    private static partial Regex OutcomePattern();

    // A number with a unit, a change from one figure to another, "by half". Years are left out: "for four years" and
    // "two years ago" are tenure, not a result.
    [GeneratedRegex(
        @"\d[\d.,]*\s*(?:%|x\b|k\b|ms\b)|\b(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten" +
        @"|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand)\s+(?:percent|per cent|times" +
        @"|x|milliseconds?|ms|seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|sprints?|releases?" +
        @"|deploys?|incidents?|outages?|pages?|alerts?|bugs?|errors?|tickets?|requests?|queries|users?" +
        @"|customers?|engineers?|people|services?|servers?|nodes?|gb|mb|tb|dollars?|euros?)\b" +
        @"|\bfrom\s+\$?(?:[\d.,]+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred)\s*\w*\s+" +
        @"(?:\w+\s+)?to\s+(?:\$?[\d.,]+|zero|none|one|two|three|four|five)|\b[\d.,]+\s*(?:\w+\s+)?to\s+[\d.,]+\s*(?:ms" +
        @"|milliseconds|seconds|minutes|hours|%|percent)|\bby\s+(?:half|a third|a quarter|\d)|\b(?:halved" +
        @"|doubled|tripled)\b|\bzero\s+[a-z]+")]
    private static partial Regex MeasurePattern();
}
