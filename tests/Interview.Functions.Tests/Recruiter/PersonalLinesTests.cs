using System.Net;
using Interview.Core.Speech;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Interviewer;
using Interview.Functions.Tests.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Interview.Functions.Tests.Recruiter;

/// <summary>
/// Where the interviewer's spoken lines are kept, checked in Azurite: a model's lines (a name, an answer quoted back) under
/// the interview, erased with it; fixed wording shared under <see cref="LineVoice.SharedPrefix"/>, synthesized once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PersonalLinesTests(AzuriteFixture azurite)
{
    private const string Answer = "At my last job I moved billing onto a queue and cut p99 latency from 900 to 120 milliseconds.";
    private const string Opening = "Hello Ada, good to meet you. What are you working on these days?";
    private const string Thanks = "Thanks, Ada. That queue sounds like it mattered to the team. What would you do differently now?";
    private const string Quote =
        "You moved billing onto a queue and cut p99 latency from 900 to 120 milliseconds. How did you measure that?";

    [Fact]
    public async Task A_model_line_with_the_candidates_first_name_or_words_is_kept_under_the_interview_and_erased_with_it()
    {
        await using var model = await FakeHttpServer.StartAsync();
        var voice = new CountingVoice();
        using var app = new InterviewApp(azurite, s => s.AddSingleton<ITextToSpeech>(voice), new Dictionary<string, string>
        {
            ["Interviewer:Brain"] = "azure-openai", ["Interviewer:CallTimeout"] = "00:00:10", ["Interviewer:RetryBudget"] = "00:00:20",
            ["Interviewer:Acknowledge"] = "false", // the lines asserted here are the model's own
            ["AzureOpenAI:Endpoint"] = model.BaseUrl.ToString(), ["AzureOpenAI:Deployment"] = ModelApp.Deployment,
            ["AzureOpenAI:ApiKey"] = ModelApp.ApiKey,
        });
        // Another interview on the rules brain, same storage, nobody named: its fixed lines go to the shared area.
        var sameStorage = new Dictionary<string, string> { ["Storage:AudioContainer"] = app.ContainerName };
        using var rules = StreamingApp.Create(azurite, voice, settings: sameStorage);
        var other = rules.CreateClient();
        await (await other.StartAsync("lines-fixed")).JsonAsync();
        await other.StreamTurnAsync("lines-fixed", EventStream.Text(Answer));
        var shared = await app.BlobsAsync(LineVoice.SharedPrefix);
        Assert.NotEmpty(shared);
        Assert.Empty(await app.BlobsAsync("lines-fixed/interviewer/"));
        var client = app.CreateClient();
        var before = voice.Said.Count;

        model.Enqueue(ChatReplies.Turn("new_question", Opening, questionId: "intro-background"));
        await (await client.StartAsync("lines-ada", new { candidate_name = "Ada Lovelace" })).JsonAsync();
        model.Enqueue(ChatReplies.StreamedTurn("ask_followup", Thanks, chars: 16));
        var (_, events) = await client.StreamTurnAsync("lines-ada", EventStream.Text(Answer));
        model.Enqueue(ChatReplies.Turn("new_question", Quote));
        var quoted = await (await client.AnswerAsync("lines-ada", "I compared the dashboards before and after the change.")).JsonAsync();

        Assert.Equal([Opening, Thanks, Quote], Lines(quoted));
        Assert.True(voice.Said.Count - before >= 3, string.Join(" | ", voice.Said.Skip(before)));
        var sentences = events.Where(e => e.Name == "audio").Select(e => (string)e.Data["audio_url"]!).ToList();
        Assert.NotEmpty(sentences);
        Assert.All(sentences, url => Assert.Contains("/lines-ada/interviewer/", url, StringComparison.Ordinal));
        Assert.Equal(shared, await app.BlobsAsync(LineVoice.SharedPrefix)); // nothing of Ada's went to the shared area
        Assert.True((await app.BlobsAsync("lines-ada/interviewer/")).Count >= 3);

        var erased = await client.SendAsync(RecruiterApp.Admin(HttpMethod.Delete, "/manage/interviews/lines-ada"));

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Empty(await app.BlobsAsync("lines-ada/"));
        Assert.Equal(shared, await app.BlobsAsync(LineVoice.SharedPrefix)); // the other interview's fixed lines stay shared
        var again = voice.Said.Count;
        await (await other.StartAsync("lines-fixed-2")).JsonAsync();
        Assert.Equal(again, voice.Said.Count); // and are still found, not synthesized again
    }

    private static List<string> Lines(System.Text.Json.Nodes.JsonNode body) =>
        [.. body["session_state"]!["conversation_history"]!.AsArray()
            .Where(t => (string)t!["role"]! == "interviewer").Select(t => (string)t!["content"]!)];
}
