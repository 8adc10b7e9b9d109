using System.Collections.Concurrent;
using Interview.Core.Speech;

namespace Interview.Core.Tests.TestDoubles;

/// <summary>Holds each synthesis until the test releases its text, so a test decides the order they finish in.</summary>
internal sealed class GatedVoice(bool releaseAll = false) : ITextToSpeech
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentQueue<string> _asked = new();

    public IReadOnlyList<string> Asked => [.. _asked];

    public void Release(string text) => _gates.GetOrAdd(text, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task<AudioClip> SynthesizeAsync(string text, SpeechHints hints, CancellationToken cancellationToken)
    {
        _asked.Enqueue(text);
        if (!releaseAll)
        {
            await _gates.GetOrAdd(text, _
                => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }

        return new AudioClip(new byte[] { 0xFF, 0xFB, 0x90, 0x64, (byte)text.Length }, "audio/mpeg");
    }

    public string Fingerprint(SpeechHints hints) => "gated";
}
