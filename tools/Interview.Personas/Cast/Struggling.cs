namespace Interview.Personas.Cast;

/// <summary>Candidates who do not give the interviewer much: vague, deflecting, elsewhere, or barely there.</summary>
internal static class Struggling
{
    private static readonly Dictionary<string, string> None = [];

    public static Persona Weak { get; } = new("weak", "Chris", None, [
        "I've done a bit of everything really, some frontend, some backend, whatever was needed at the time.",
        "I think it's important to write good code and work well with people. I try to do that.",
        "We had some problems with performance once, and we fixed them eventually, I think it was the database.",
        "I usually just google things when I get stuck, and ask someone if that doesn't work.",
        "Testing is good, we have some tests. I'm not sure how many, somebody else set that up.",
        "I don't really remember the details, it was a while ago, but it worked out in the end.",
    ], "No, not really.");

    public static Persona Evasive { get; } = new("evasive", "Morgan", None, [
        "Honestly it depends a lot on the context, every company does things differently, so it's hard to give one answer to that.",
        "I'd rather not go into specifics about my current employer, but I've seen a lot of different situations over the years.",
        "That's the kind of thing where you have to weigh many factors, and the right choice really varies from case to case.",
        "I think the more interesting question is how teams decide these things in general, rather than any one example from me.",
        "There were a number of people involved, so it wouldn't be fair to single out what I did versus what others did.",
    ], "I suppose I'll find out more later.");

    public static Persona OffTopic { get; } = new("off-topic", "Jamie", None, [
        "Funny you ask, this weekend I finally made sourdough bread from scratch, the starter took nearly two weeks to get going.",
        "My football club won on Sunday, three goals in the last twenty minutes, the whole pub was on its feet.",
        "I'm planning a trip to Portugal in the spring, I want to walk part of the coastal route and eat far too many pastries.",
        "My cat has started opening the kitchen cupboards at night, so now I have child locks on everything.",
        "I've been learning to play the ukulele, mostly songs from old films, my neighbours are very patient with me.",
    ], "Do you like bread? I could talk about bread all day.");

    public static Persona Minimal { get; } = new("minimal", "Sam", None, ["ok", "no", "idk", "ok", "yes", "not sure"], "no");
}
