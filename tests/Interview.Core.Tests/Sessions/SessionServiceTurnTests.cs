using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Sessions;
using Interview.Core.Speech;
using Interview.Core.Tests.TestDoubles;

namespace Interview.Core.Tests.Sessions;

/// <summary>One answer through <see cref="SessionService.TurnAsync"/>: refusals, idempotency and the end of the interview.</summary>
public sealed class SessionServiceTurnTests
{
    private const string Id = SessionHarness.Id;
    private static readonly AudioClip Recording = new(TestWav.Silence(seconds: 1), "audio/wav");
    private readonly SessionHarness _h = new();

    [Fact]
    public async Task Turn_on_an_unknown_interview_is_not_found()
    {
        var result = await _h.Service().TurnAsync("nobody", Text(Answers.Detailed), null, CancellationToken.None);

        Assert.Equal(SessionError.NotFound, result.Error);
    }

    [Fact]
    public async Task Repeated_turn_with_the_same_key_replays_the_first_answer_without_saving()
    {
        var service = await _h.StartedAsync();
        var first = await service.TurnAsync(Id, Text(Answers.Detailed), "key-1", CancellationToken.None);
        var saves = _h.Store.Saves;

        var retry = await service.TurnAsync(Id, Text(Answers.Detailed), "key-1", CancellationToken.None);

        Assert.Equal(first.Value! with { Timings = TurnTimings.None }, retry.Value! with { Timings = TurnTimings.None });
        Assert.Equal(saves, _h.Store.Saves);
        Assert.Equal(3, _h.Store[Id]!.ConversationHistory.Count);
    }

    [Fact]
    public async Task Reusing_a_key_for_a_different_answer_is_refused()
    {
        var service = await _h.StartedAsync();
        await service.TurnAsync(Id, Text(Answers.Detailed), "key-1", CancellationToken.None);

        var result = await service.TurnAsync(Id, Text(Answers.Short), "key-1", CancellationToken.None);

        Assert.Equal(SessionError.IdempotencyKeyReused, result.Error);
    }

    [Fact]
    public async Task Turn_on_an_ended_interview_is_refused()
    {
        var service = await _h.StartedAsync();
        await service.EndAsync(Id, CancellationToken.None);
        var saves = _h.Store.Saves;

        var result = await service.TurnAsync(Id, Text(Answers.Detailed), null, CancellationToken.None);

        Assert.Equal(SessionError.AlreadyEnded, result.Error);
        Assert.Equal(saves, _h.Store.Saves);
    }

    [Fact]
    public async Task Audio_turn_without_speech_to_text_is_refused_before_anything_is_saved()
    {
        var service = await _h.StartedAsync();

        var result = await service.TurnAsync(Id, TurnInput.FromAudio(Recording), null, CancellationToken.None);

        Assert.Equal(SessionError.AudioNotSupported, result.Error);
        Assert.Equal(1, _h.Store.SaveAttempts);
        Assert.Empty(_h.Audio.Saves);
    }

    [Fact]
    public async Task Speech_unavailable_is_refused_with_a_retry_hint_and_nothing_saved()
    {
        var stt = new FakeSpeechToText("", new SpeechUnavailableException("503", TimeSpan.FromSeconds(7)));
        var service = await _h.StartedAsync(stt);

        var result = await service.TurnAsync(Id, TurnInput.FromAudio(Recording), "key-1", CancellationToken.None);

        Assert.Equal(SessionError.SpeechUnavailable, result.Error);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        Assert.Equal(1, _h.Store.SaveAttempts);
        Assert.Equal(_h.Audio.Saves.Select(s => s.Ref), _h.Audio.Deleted);
        Assert.Single(_h.Store[Id]!.ConversationHistory);
    }

    [Fact]
    public async Task Turn_that_loses_the_race_is_a_conflict()
    {
        var service = await _h.StartedAsync();
        _h.Store.ConflictsToThrow = 1;

        var result = await service.TurnAsync(Id, Text(Answers.Detailed), null, CancellationToken.None);

        Assert.Equal(SessionError.Conflict, result.Error);
        Assert.Single(_h.Store[Id]!.ConversationHistory);
    }

    [Fact]
    public async Task Concluding_turn_commits_the_first_evaluation_version_and_its_retry_still_replays()
    {
        var service = await _h.StartedAsync();
        var turn = 0;
        SessionResult<TurnOutcome> last;
        do
        {
            Assert.True(++turn < 40, "The interview never concluded.");
            last = await service.TurnAsync(Id, Text(Answers.Detailed), $"key-{turn}", CancellationToken.None);
            Assert.Null(last.Error);
        }
        while (_h.Store[Id]!.Status == SessionStatus.Active);

        var retry = await service.TurnAsync(Id, Text(Answers.Detailed), $"key-{turn}", CancellationToken.None);

        Assert.Equal((SessionStatus.Concluded, 1), (_h.Store[Id]!.Status, _h.Store[Id]!.EvaluationVersion));
        Assert.Equal(1, retry.Value!.State.EvaluationVersion);
        Assert.Equal(last.Value! with { Timings = TurnTimings.None }, retry.Value! with { Timings = TurnTimings.None });
        Assert.False(retry.Value!.Response.ShouldContinue);
    }

    private static TurnInput Text(string answer) => TurnInput.FromText(answer);
}
