using Interview.Core.Telemetry;
using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Speech;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Agent;

/// <summary>Audio in (speech-to-text) and out (text-to-speech) around an <see cref="InterviewerAgent"/> turn.</summary>
public sealed class InterviewerAgentSpeechTests
{
    private readonly AgentHarness _h = new();

    [Fact]
    public async Task Audio_turn_transcribes_and_stores_the_candidate_audio_side_by_side()
    {
        var agent = _h.Agent(new FakeSpeechToText("  I heard this.  ", journal: _h.Journal));
        var state = await _h.StartedAsync(agent);

        var (_, next) = await agent.ProcessTurnAsync(TurnInput.FromAudio(AgentHarness.Recording), state, new TurnClock("test"), null,
            CancellationToken.None);

        // Upload and transcription run side by side; both happened, nothing was deleted.
        Assert.Equal(["save candidate", "transcribe"], _h.Journal.Order());
        var saved = Assert.Single(_h.Audio.Saves);
        Assert.Equal(("iv-1", Roles.Candidate, AgentHarness.Recording), (saved.InterviewId, saved.Speaker, saved.Audio));
        var candidate = next.ConversationHistory[^2];
        Assert.Equal((Roles.Candidate, "I heard this.", saved.Ref), (candidate.Role, candidate.Content, candidate.AudioRef));
        Assert.Equal("I heard this.", _h.Brain.Answers.Single());
    }

    [Fact]
    public async Task Speech_unavailable_propagates_and_leaves_no_audio_behind()
    {
        var agent = _h.Agent(new FakeSpeechToText("", new SpeechUnavailableException("503"), _h.Journal));
        var state = await _h.StartedAsync(agent);

        await Assert.ThrowsAsync<SpeechUnavailableException>(
            () => agent.ProcessTurnAsync(TurnInput.FromAudio(AgentHarness.Recording), state, new TurnClock("test"), null,
                CancellationToken.None));

        var uploaded = Assert.Single(_h.Audio.Saves);
        Assert.Equal([uploaded.Ref], _h.Audio.Deleted);
        Assert.Empty(_h.Brain.Answers);
    }

    [Fact]
    public async Task Recording_decoded_longer_than_the_limit_is_refused_and_its_upload_removed()
    {
        var agent = _h.Agent(new FakeSpeechToText("a long ramble", journal: _h.Journal,
            duration: TimeSpan.FromSeconds(AgentHarness.MaxAudioSeconds + 1)));
        var state = await _h.StartedAsync(agent);

        var refused = await Assert.ThrowsAsync<AudioRejectedException>(
            () => agent.ProcessTurnAsync(TurnInput.FromAudio(AgentHarness.Recording), state, new TurnClock("test"), null,
                CancellationToken.None));

        Assert.Equal(Interview.Core.Domain.SessionError.AudioTooLong, refused.Refusal.Error);
        Assert.Equal([Assert.Single(_h.Audio.Saves).Ref], _h.Audio.Deleted);
        Assert.Empty(_h.Brain.Answers);
    }

    [Fact]
    public async Task Reply_is_spoken_and_stored_when_text_to_speech_is_configured()
    {
        var tts = new FakeTextToSpeech();
        var agent = _h.Agent(tts: tts);
        var state = await _h.StartedAsync(agent);

        var (response, next) =
            await agent.ProcessTurnAsync(TurnInput.FromText("My answer."), state, new TurnClock("test"), null, CancellationToken.None);

        Assert.Equal(AgentHarness.Reply.Text, tts.Spoken[^1]);
        Assert.StartsWith(LineVoice.SharedPrefix, response.AudioRef, StringComparison.Ordinal);
        Assert.Equal(AgentHarness.Reply.Text, System.Text.Encoding.UTF8.GetString(_h.Audio.Named[response.AudioRef!].Bytes.Span));
        Assert.Equal(response.AudioRef, next.ConversationHistory[^1].AudioRef);
        Assert.True(agent.Speaks);
        Assert.False(_h.Agent().Speaks);
    }

    [Fact]
    public async Task Failing_text_to_speech_still_returns_the_reply_without_audio()
    {
        var agent = _h.Agent(tts: new FakeTextToSpeech(new HttpRequestException("synthesizer down")));
        var state = await _h.StartedAsync(_h.Agent());

        var (response, next) =
            await agent.ProcessTurnAsync(TurnInput.FromText("My answer."), state, new TurnClock("test"), null, CancellationToken.None);

        AssertTextOnly(response, next);
    }

    // HttpClient reports its own timeout as TaskCanceledException although nobody cancelled the request.
    [Fact]
    public async Task Timed_out_text_to_speech_still_returns_the_reply_without_audio()
    {
        var timeout = new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.",
            new TimeoutException());
        var agent = _h.Agent(tts: new FakeTextToSpeech(timeout));
        var state = await _h.StartedAsync(_h.Agent());

        var (response, next) =
            await agent.ProcessTurnAsync(TurnInput.FromText("My answer."), state, new TurnClock("test"), null, CancellationToken.None);

        AssertTextOnly(response, next);
    }

    [Fact]
    public async Task Cancelled_request_is_not_turned_into_a_text_only_reply()
    {
        var agent = _h.Agent(tts: new FakeTextToSpeech());
        var state = await _h.StartedAsync(_h.Agent());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => agent.ProcessTurnAsync(TurnInput.FromText("My answer."), state, new TurnClock("test"), null, cancelled.Token));
    }

    private void AssertTextOnly(AgentResponse response, SessionState next)
    {
        Assert.Equal(AgentHarness.Reply.Text, response.Text);
        Assert.Null(response.AudioRef);
        Assert.Null(next.ConversationHistory[^1].AudioRef);
        Assert.Empty(_h.Audio.Saves);
    }
}
