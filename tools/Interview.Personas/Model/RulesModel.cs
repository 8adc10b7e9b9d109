using System.Text.Json;
using System.Text.Json.Nodes;
using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Llm;
using Interview.Core.Plans;
using Interview.Core.Rules;
using Interview.LoadTest.Local;

namespace Interview.Personas.Model;

/// <summary>
/// The fake model's mind. It keeps a shadow of each interview's state (by candidate name), decides every turn with
/// the rules brain and answers in the reply schema, candidate_question included; the shadow moves on exactly as the
/// app's state does, whether the app takes the reply (read back through ModelReply) or falls back to its rules brain.
/// It misbehaves on a fixed share of turns, so the app's retry, re-ask and fallback paths all run: the first call of
/// every 6th turn (from the 3rd) gets a 500, of every 6th (from the 5th) invalid output, of every 6th (from the 6th) a reply
/// cut off after its text (what a broken stream gives: a streamed turn has already said the words and must start over),
/// and every 9th (from the 8th) nothing but invalid output, which leaves the turn to the app's rules brain.
/// </summary>
public sealed class RulesModel(InterviewPlan plan)
{
    private const string Invalid = "Sure! Here is the next question for the candidate.";
    private readonly RulesBrain _rules = new();
    private readonly Dictionary<string, Shadow> _interviews = [];
    private readonly Lock _lock = new();

    public int ServerErrors { get; private set; }

    public int InvalidReplies { get; private set; }

    /// <summary>Replies cut off after their text, the notes missing: the checks can only fail once the words are out.</summary>
    public int CutOff { get; private set; }

    /// <summary>Turns on which every reply was invalid, so the app's rules brain answered.</summary>
    public int ForcedFallbacks { get; private set; }

    /// <summary>Calls the fake could not place in an interview it follows; more than zero means the shadow lost track.</summary>
    public int Unplaced { get; private set; }

    public FakeAnswer Answer(JsonNode request)
    {
        var schema = request["response_format"]?["json_schema"]?["name"]?.GetValue<string>();
        if (schema != ReplySchema.Name || InterviewPromptView.Read(request) is not { } prompt)
        {
            return new FakeAnswer(500, null); // an evaluation call, or a prompt it cannot read: the app's own fallback answers
        }

        lock (_lock)
        {
            if (!prompt.Opening && (!_interviews.TryGetValue(prompt.Candidate, out var known) || !known.Follows(prompt.Earlier)))
            {
                Unplaced++;
                return new FakeAnswer(500, null);
            }

            var shadow = prompt.Opening ? _interviews[prompt.Candidate] = Open(prompt) : _interviews[prompt.Candidate];
            if (!prompt.Opening && shadow.DecidedFor != prompt.Earlier)
            {
                Decide(shadow, prompt);
            }

            return Misbehave(shadow, ++shadow.Attempts);
        }
    }

    private FakeAnswer Misbehave(Shadow shadow, int attempt)
    {
        var turn = shadow.Turn;
        if (turn % 9 == 7)
        {
            (InvalidReplies, ForcedFallbacks) = (InvalidReplies + 1, ForcedFallbacks + (attempt == 1 ? 1 : 0));
            return new FakeAnswer(200, Invalid);
        }

        if (attempt == 1 && turn % 6 is 2 or 4)
        {
            ServerErrors += turn % 6 == 2 ? 1 : 0;
            InvalidReplies += turn % 6 == 4 ? 1 : 0;
            return turn % 6 == 2 ? new FakeAnswer(500, null) : new FakeAnswer(200, Invalid);
        }

        var notes = shadow.Content.IndexOf("\"reasoning\"", StringComparison.Ordinal);
        if (attempt == 1 && turn % 6 == 5 && notes > shadow.Content.IndexOf("\"text\"", StringComparison.Ordinal))
        {
            CutOff++;
            return new FakeAnswer(200, shadow.Content[..notes]);
        }

        return new FakeAnswer(200, shadow.Content);
    }

    private Shadow Open(InterviewPromptView prompt)
    {
        var now = DateTime.UtcNow;
        var blank = new SessionState("", plan.Phases[0].Name, [], [], [], 0, now, now, SessionStatus.Active, plan.Id, prompt.Role,
            prompt.Candidate, InterviewProgress.Empty);
        var shadow = new Shadow { State = blank, DecidedFor = -1, Turn = -1 };
        Settle(shadow, blank, _rules.OpenAsync(plan, blank, CancellationToken.None).Result, opening: true);
        return shadow;
    }

    private void Decide(Shadow shadow, InterviewPromptView prompt)
    {
        var heard = StateTransitions.Hear(shadow.State,
            new ConversationTurn(Roles.Candidate, prompt.Answer, null, DateTime.UtcNow, shadow.State.CurrentPhase));
        shadow.DecidedFor = prompt.Earlier;
        Settle(shadow, heard, _rules.DecideAsync(plan, heard, prompt.Answer, CancellationToken.None).Result, opening: false);
    }

    /// <summary>The reply in the schema, and the state the app will hold once it applied what it accepted.</summary>
    private void Settle(Shadow shadow, SessionState heard, BrainReply decided, bool opening)
    {
        (shadow.Turn, shadow.Attempts, shadow.Content) = (shadow.Turn + 1, 0, ToJson(decided));
        var accepted = shadow.Turn % 9 != 7 && ModelReply.TryParse(shadow.Content, plan, heard, opening, out var parsed, out _)
            ? parsed : decided;
        shadow.State = StateTransitions.Apply(plan, heard, accepted, null, DateTime.UtcNow);
    }

    // In the schema's order, as a model writes it: the checked fields, the words, then the notes.
    private static string ToJson(BrainReply reply)
        => JsonSerializer.Serialize(Fields(reply).OrderBy(f => ReplySchema.Order.ToList().IndexOf(f.Key)).ToDictionary());

    private static Dictionary<string, object?> Fields(BrainReply reply) => new()
    {
        ["action_type"] = ModelReply.ActionNames.Single(a => a.Value == reply.Action.ActionType).Key,
        ["text"] = reply.Text,
        ["reasoning"] = $"fake model deciding by the rules: {reply.Action.Reasoning}",
        ["next_phase"] = reply.Action.NextPhase,
        ["question_id"] = reply.QuestionId,
        ["topics_covered"] = reply.NewTopics ?? [],
        ["insights"] = reply.NewInsights ?? [],
        // The schema holds one question per turn; the personas ask at most one.
        ["candidate_question"] = reply.CandidateQuestions is [var q, ..]
            ? new Dictionary<string,
                string> { ["question"] = q.Question, ["outcome"] = ModelReply.OutcomeNames.Single(o => o.Value == q.Outcome).Key }
            : null,
    };

    private sealed class Shadow
    {
        public required SessionState State { get; set; }

        /// <summary>Utterances before the answer last decided (-1: the opening), so a retried call gets the same decision.</summary>
        public int DecidedFor { get; set; }

        public int Turn { get; set; }

        public int Attempts { get; set; }

        public string Content { get; set; } = "";

        /// <summary>A call for the turn just decided (a retry), or for the next one (the app committed it).</summary>
        public bool Follows(int earlier) => earlier == DecidedFor || earlier == State.ConversationHistory.Count;
    }
}
