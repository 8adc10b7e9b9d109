using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Interviewer;

namespace Interview.Functions.Tests.Sessions;

/// <summary>
/// A streamed, spoken turn of a model brain begins with "Okay." (or its like) the moment the answer is in, while the
/// model has not written a word; the stored line is what the candidate heard, acknowledgement first.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AcknowledgementTurnTests(AzuriteFixture azurite)
{
    private const string Line = "What would you measure first if the checkout failures came back tomorrow?";

    [Fact]
    public async Task The_acknowledgement_is_heard_before_the_model_writes_and_begins_the_stored_line()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Voiced(azurite, model);
        var client = await app.StartedAsync(model, "ack-1");
        var audio = new FirstAudio();
        model.Enqueue(ChatReplies.Held("", audio.HoldAsync, ChatReplies.TurnJson("new_question", Line)));

        var answer = "At my last job I led a migration that cut checkout failures by 90 percent.";
        var (_, events) = await client.StreamTurnAsync("ack-1", EventStream.Text(answer), seen: audio.See);

        Assert.True(audio.HeldUntilSpoken, "the acknowledgement should be heard while the model has written nothing");
        var first = events.First(e => e.Name == "audio");
        Assert.Equal("Okay.", (string)first.Data["text"]!);
        Assert.Equal($"Okay. {Line}", (string)events[^1].Data["interviewer_response"]!["text"]!);
        var history = (await client.StateOrNullAsync("ack-1"))!["conversation_history"]!.AsArray();
        Assert.Equal($"Okay. {Line}", (string)history[^1]!["content"]!);
    }

    [Fact]
    public async Task A_minimal_answer_gets_no_acknowledgement()
    {
        await using var model = await FakeHttpServer.StartAsync();
        using var app = ModelApp.Voiced(azurite, model);
        var client = await app.StartedAsync(model, "ack-2");
        model.Enqueue(ChatReplies.StreamedTurn("clarify", "Would you like a moment, or shall we move on?"));

        var (_, events) = await client.StreamTurnAsync("ack-2", EventStream.Text("um ok"));

        Assert.Equal("Would you like a moment, or shall we move on?", (string)events[^1].Data["interviewer_response"]!["text"]!);
        Assert.DoesNotContain(events, e => e.Name == "audio" && (string)e.Data["text"]! == "Okay.");
    }
}
