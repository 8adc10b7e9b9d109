using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Sessions;

namespace Interview.Functions.Tests.Interviewer;

/// <summary>
/// The reply's order at work on a streamed turn: the schema on the wire asks for the checked fields, then the words,
/// then the notes; the last sentence is spoken once its text closes, while the model still writes the notes; and a
/// reply the notes make invalid is withdrawn with a reset, the re-ask or the rules brain answering instead.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReplyOrderTests(AzuriteFixture azurite)
{
    private const string Answer = "At my last job I led a migration that cut checkout failures by 90 percent in three months.";
    private const string Line = "What would you measure first if the checkout failures came back tomorrow?";
    private const string Notes = ""","reasoning":"scripted","topics_covered":[],"insights":["Measures first"]}""";

    [Fact]
    public async Task Schema_on_the_wire_asks_for_the_checked_fields_then_text_then_the_notes()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Create(azurite, model);
        await app.StartedAsync(model, "order-1");

        var properties = model.Requests[0].Body["response_format"]!["json_schema"]!["schema"]!["properties"]!.AsObject().Select(p => p.Key);

        Assert.Equal(["action_type", "next_phase", "question_id", "candidate_question", "text", "reasoning", "topics_covered", "insights"],
            properties);
    }

    [Fact]
    public async Task Last_sentence_is_spoken_when_its_text_closes_while_the_notes_are_still_being_written()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Voiced(azurite, model, acknowledge: false);
        var client = await app.StartedAsync(model, "order-2");
        var audio = new FirstAudio();
        model.Enqueue(ChatReplies.Held(Head(Line), audio.HoldAsync, Notes));

        var (_, events) = await client.StreamTurnAsync("order-2", EventStream.Text(Answer), seen: audio.See);

        Assert.True(audio.HeldUntilSpoken, "the line's audio should go out before the model writes the notes");
        var spoken = Assert.Single(events, e => e.Name == "audio");
        Assert.Equal(Line, (string)spoken.Data["text"]!);
        Assert.Equal("done", events[^1].Name);
        Assert.Equal(Line, (string)events[^1].Data["interviewer_response"]!["text"]!);
        Assert.DoesNotContain(events, e => e.Name == "text" && (bool?)e.Data["reset"] == true);
    }

    [Fact]
    public async Task Notes_that_break_the_reply_withdraw_the_spoken_line_and_the_re_ask_answers()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Voiced(azurite, model, acknowledge: false);
        var client = await app.StartedAsync(model, "order-3");
        const string retry = "Thanks. Tell me about a hard bug you fixed.";
        var audio = new FirstAudio();
        model.Enqueue(ChatReplies.Held(Head(Line), audio.HoldAsync, ""","reasoning":"cut off","topics_covered":[]]"""),
            ChatReplies.StreamedTurn("new_question", retry));

        var (_, events) = await client.StreamTurnAsync("order-3", EventStream.Text(Answer), seen: audio.See);

        Assert.True(audio.HeldUntilSpoken);
        var names = events.Select(e => e.Name).ToList();
        var reset = events.FindIndex(e => e.Name == "text" && (bool?)e.Data["reset"] == true);
        Assert.True(reset > names.IndexOf("audio"), $"the first line was spoken, then withdrawn: {string.Join(",", names)}");
        Assert.Equal(Line, (string)events[names.IndexOf("audio")].Data["text"]!);
        Assert.Equal("done", names[^1]);
        Assert.Equal(retry, (string)events[^1].Data["interviewer_response"]!["text"]!);
        Assert.Equal(retry, string.Join(' ', events.Skip(reset).Where(e => e.Name == "audio").Select(e => (string)e.Data["text"]!)));
    }

    [Fact]
    public async Task Notes_that_keep_breaking_the_reply_leave_the_turn_to_the_rules_brain()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Voiced(azurite, model, acknowledge: false);
        var client = await app.StartedAsync(model, "order-4");
        var broken = ChatReplies.Held(Head(Line), () => Task.CompletedTask, ""","reasoning":"cut off","insights":""");
        model.Enqueue(broken, broken);

        var (_, events) = await client.StreamTurnAsync("order-4", EventStream.Text(Answer));

        var done = events[^1];
        Assert.Equal("done", done.Name);
        Assert.StartsWith("Fallback to the rules brain", (string)done.Data["interviewer_response"]!["action"]!["reasoning"]!,
            StringComparison.Ordinal);
        Assert.Equal(2, events.Count(e => e.Name == "text" && (bool?)e.Data["reset"] == true)); // the re-ask, then the rules brain
        var said = (string)done.Data["interviewer_response"]!["text"]!;
        Assert.NotEqual(Line, said);
        var last = events.FindLastIndex(e => e.Name == "text" && (bool?)e.Data["reset"] == true);
        Assert.Equal(said, string.Join(' ', events.Skip(last).Where(e => e.Name == "audio").Select(e => (string)e.Data["text"]!)));
    }

    /// <summary>The reply up to and including the closing quote of its text, as the schema orders it.</summary>
    private static string Head(string text)
    {
        var json = ChatReplies.TurnJson("new_question", text);
        return json[..(json.IndexOf("\"reasoning\"", StringComparison.Ordinal) - 1)];
    }
}
