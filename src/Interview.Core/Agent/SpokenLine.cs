using System.Text;
using Interview.Core.Speech;
using Interview.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Interview.Core.Agent;

/// <summary>
/// The interviewer's line while it is written: words go out as they come (to <see cref="ITurnEvents"/>, when streamed),
/// each sentence is synthesized once complete and its audio goes out in sentence order; <see cref="FinishAsync"/> joins
/// them into the stored turn's one clip. A line or sentence said before is found, not made again (<see cref="LineVoice"/>).
/// A failing synthesizer leaves the line text-only; it never fails the turn.
/// </summary>
public sealed partial class SpokenLine(
    LineVoice? voice, SpeechHints hints, string interviewId, FixedLines fixedLines, ITurnEvents? events, TurnClock timer, ILogger logger,
    CancellationToken ct) : IReplyText
{
    private readonly StringBuilder _text = new();
    private List<LineSentence> _sentences = [];
    private Task _emitted = Task.CompletedTask;
    private TurnClock.Measurement? _speaking;
    private int _generation;
    private int _sentenceStart;
    private bool _reset;
    private string _lead = "";
    private Task _leadEmitted = Task.CompletedTask;
    private int _leadSentences;

    public void Write(string delta)
    {
        if (delta.Length == 0)
        {
            return;
        }

        // After a reset the page shows the line from the start again: the lead was said and stays.
        events?.Text(_reset ? _lead + delta : delta, _reset);
        _reset = false;
        _text.Append(delta);
        // Unstreamed, nobody hears a sentence early: the line is synthesized whole, in one call, at the end.
        while (events is not null && LinePieces.SentenceEnd(_text, _sentenceStart, first: _sentences.Count == 0) is { } end)
        {
            Speak(_text.ToString(_sentenceStart, end - _sentenceStart));
            _sentenceStart = end;
        }
    }

    /// <summary>
    /// Says <paramref name="words"/> at once as the line's own first sentence, before the brain writes anything (an
    /// <see cref="Acknowledgement"/>). A reset keeps it: it was heard.
    /// </summary>
    public void Lead(string words)
    {
        Write(words + " ");
        Speak(words);
        (_lead, _leadEmitted, _sentenceStart, _leadSentences) = (_text.ToString(), _emitted, _text.Length, _sentences.Count);
    }

    /// <summary>The line as said: the lead, if any, then the brain's <paramref name="text"/>.</summary>
    public string AsSaid(string text) => _lead + text;

    /// <summary>Speaks the last piece now, streamed, instead of when the brain has finished its reply.</summary>
    public void Complete()
    {
        if (events is not null) SpeakRest(); // unstreamed, the line is spoken whole at the end
    }

    public void Restart()
    {
        // What was written is dropped, but not the lead; a sentence still being synthesized finishes unheard.
        if (_text.Length == _lead.Length)
        {
            return;
        }

        _generation++;
        _text.Clear().Append(_lead);
        _sentences = [.. _sentences.Take(_leadSentences)];
        _sentenceStart = _lead.Length;
        _emitted = _leadEmitted;
        _reset = true;
    }

    /// <summary>Makes <paramref name="text"/> the line (starting over if what was written differs) and returns its audio.</summary>
    public async Task<string?> FinishAsync(string text)
    {
        text = AsSaid(text);
        if (LinePieces.Collapse(_text.ToString()) != LinePieces.Collapse(text))
        {
            Restart();
            Write(text[_lead.Length..]);
        }

        SpeakRest();
        await _emitted;
        try
        {
            return voice is null || _sentences.Count == 0 ? null : await JoinAsync(LinePieces.Collapse(text));
        }
        finally
        {
            _speaking?.Dispose();
        }
    }

    private void SpeakRest()
    {
        if (_text.ToString(_sentenceStart, _text.Length - _sentenceStart).Trim() is { Length: > 0 } rest)
        {
            Speak(rest);
            _sentenceStart = _text.Length;
        }
    }

    private void Speak(string sentence)
    {
        sentence = sentence.Trim();
        if (sentence.Length == 0)
        {
            return;
        }

        _speaking ??= voice is null ? null : timer.Stage(TurnStage.Tts);
        var index = _sentences.Count;
        var name = voice?.Name(sentence, hints, interviewId, fixedLines);
        var audio = voice is null ? Task.FromResult<SentenceAudio?>(null) : SynthesizeAsync(name!, sentence);
        var spoken = new LineSentence(index, sentence, audio);
        _sentences.Add(spoken);
        _emitted = EmitAfterAsync(_emitted, spoken, _generation);
    }

    private async Task<SentenceAudio?> SynthesizeAsync(string name, string sentence)
    {
        try
        {
            return new SentenceAudio(name, await voice!.SpeakAsync(name, sentence, hints, ct));
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation; only the caller's cancellation propagates.
            Log.SpeechFailed(logger, ex, interviewId);
            return null;
        }
    }

    /// <summary>Each sentence's audio goes out after the one before it, whichever finished first.</summary>
    private async Task EmitAfterAsync(Task previous, LineSentence sentence, int generation)
    {
        await previous;
        var spoken = await sentence.Audio;
        if (spoken is not null && (generation == Volatile.Read(ref _generation) || sentence.Index < _leadSentences))
        {
            events?.Audio(sentence.Index, sentence.Text, spoken.Name);
        }
    }

    /// <summary>
    /// One clip for the whole line: found by its own name, or joined from the sentences (or made whole if they do not join).
    /// </summary>
    private async Task<string?> JoinAsync(string line)
    {
        var spoken = await Task.WhenAll(_sentences.Select(s => s.Audio));
        if (spoken.Any(s => s is null))
        {
            return null;
        }

        if (spoken.Length == 1)
        {
            return spoken[0]!.Name;
        }

        var name = voice!.Name(line, hints, interviewId, fixedLines);
        if (await voice.ExistsAsync(name, ct))
        {
            return name;
        }

        var clips = new List<AudioClip>();
        foreach (var s in spoken)
        {
            clips.Add(s!.Clip ?? await voice.ReadAsync(s.Name, ct) ?? throw new InvalidOperationException($"Audio {s.Name} vanished."));
        }

        if (AudioJoin.TryJoin(clips) is { } joined)
        {
            await voice.SaveAsync(name, joined, ct);
            return name;
        }

        return (await SynthesizeAsync(name, line))?.Name;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Text-to-speech failed for interview {InterviewId}; the line goes out text-only")]
        public static partial void SpeechFailed(ILogger logger, Exception exception, string interviewId);
    }
}
